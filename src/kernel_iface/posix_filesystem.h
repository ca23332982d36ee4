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
};

} // namespace killswitch::kernel_iface
