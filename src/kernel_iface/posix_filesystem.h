#pragma once

#include "kernel_iface/filesystem.h"

namespace killswitch::kernel_iface {

class PosixFilesystem final : public Filesystem {
public:
  bool exists(const std::string& path) const override;
  util::Result<std::string> read(const std::string& path) const override;
  util::Result<void> write_once(const std::string& path,
                                std::string_view data) override;
  util::Result<void> mount_securityfs(const std::string& target) override;
  util::Result<std::vector<std::string>>
  list_dir(const std::string& path) const override;
  util::Result<void> make_dir(const std::string& path) override;
  util::Result<void> replace(const std::string& path,
                             std::string_view data) override;
};

} // namespace killswitch::kernel_iface
