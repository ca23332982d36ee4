#include "kernel_iface/paths.h"

#include <cstdlib>

namespace killswitch::kernel_iface {

EnvLookup process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr || *value == '\0')
      return std::nullopt;
    return std::string(value);
  };
}

Paths paths_from_environment(const EnvLookup& env) {
  Paths paths;

  if (auto dir = env("KILLSWITCH_SECURITYFS")) {
    paths.securityfs_dir = *dir;
    paths.securityfs_mount.clear();
  }
  if (auto dir = env("KILLSWITCH_SYSMODULE"))
    paths.sysmodule_dir = *dir;
  if (auto file = env("KILLSWITCH_TAINTED"))
    paths.tainted = *file;
  return paths;
}

} // namespace killswitch::kernel_iface
