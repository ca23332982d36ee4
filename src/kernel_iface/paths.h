#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace killswitch::kernel_iface {

// Where the tool finds the kernel's files.  The defaults are the real
// locations; three environment variables move them, so that tests can run
// the tool against a fake tree (docs/cli.md):
//
//   KILLSWITCH_SECURITYFS  the killswitch directory under securityfs
//   KILLSWITCH_SYSMODULE   the module's directory under /sys/module
//   KILLSWITCH_TAINTED     the kernel's taint mask file
struct Paths {
  std::string securityfs_dir = "/sys/kernel/security/killswitch";
  std::string sysmodule_dir = "/sys/module/killswitch";
  std::string tainted = "/proc/sys/kernel/tainted";
  std::string mounts = "/proc/self/mounts";

  // Where securityfs is mounted if it is not yet.  Empty when
  // KILLSWITCH_SECURITYFS moved the tree elsewhere: the tool then never
  // mounts anything.
  std::string securityfs_mount = "/sys/kernel/security";

  std::string control() const { return securityfs_dir + "/control"; }
  std::string engaged() const { return securityfs_dir + "/engaged"; }
  std::string taint() const { return securityfs_dir + "/taint"; }
};

// Looks up an environment variable; empty values count as unset.
using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;

EnvLookup process_environment();

Paths paths_from_environment(const EnvLookup& env);

} // namespace killswitch::kernel_iface
