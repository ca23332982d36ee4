#pragma once

#include <string>
#include <string_view>

#include <gmock/gmock.h>

#include "kernel_iface/filesystem.h"

namespace killswitch::testing {

class MockFilesystem : public kernel_iface::Filesystem {
public:
  MOCK_METHOD(bool, exists, (const std::string& path), (const, override));
  MOCK_METHOD(util::Result<std::string>, read, (const std::string& path),
              (const, override));
  MOCK_METHOD(util::Result<void>, write_once,
              (const std::string& path, std::string_view data), (override));
  MOCK_METHOD(util::Result<void>, mount_securityfs, (const std::string& target),
              (override));
  MOCK_METHOD(util::Result<std::vector<std::string>>, list_dir,
              (const std::string& path), (const, override));
  MOCK_METHOD(util::Result<void>, make_dir, (const std::string& path),
              (override));
  MOCK_METHOD(util::Result<void>, replace,
              (const std::string& path, std::string_view data), (override));
};

// Paths of a fake tree, as the environment variables would set them.
inline kernel_iface::Paths fake_paths() {
  kernel_iface::Paths paths;
  paths.securityfs_dir = "/fake/ks";
  paths.sysmodule_dir = "/fake/module";
  paths.tainted = "/fake/tainted";
  paths.securityfs_mount.clear();
  return paths;
}

inline util::Result<void> errno_result(int code, std::string_view op) {
  return util::fail(util::Error::from_code(code, op, "/fake"));
}

} // namespace killswitch::testing
