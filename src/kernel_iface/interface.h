#pragma once

#include <cstdint>
#include <vector>

#include "kernel_iface/command.h"
#include "kernel_iface/engaged.h"
#include "kernel_iface/filesystem.h"
#include "kernel_iface/paths.h"
#include "util/result.h"

namespace killswitch::kernel_iface {

// The module's files under securityfs, and the kernel files that tell about
// it, read and written through a Filesystem.
class Interface {
public:
  Interface(Filesystem& fs, Paths paths);

  const Paths& paths() const { return paths_; }
  Filesystem& filesystem() const { return fs_; }

  // Mounts securityfs on paths().securityfs_mount unless it is mounted
  // already (or the paths were moved by the environment).  Yields true when
  // it mounted something.
  util::Result<bool> ensure_mounted();

  // Whether the module's securityfs directory exists.
  bool present() const;

  // Whether the module is loaded, from its directory under /sys/module.
  bool module_loaded() const;

  util::Result<void> send(const Command& command);
  util::Result<std::vector<Engagement>> engaged() const;
  util::Result<bool> taint_flag() const;

  // The kernel's whole taint mask.
  util::Result<std::uint64_t> kernel_taint() const;

private:
  Filesystem& fs_;
  Paths paths_;
};

} // namespace killswitch::kernel_iface
