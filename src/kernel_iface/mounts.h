#pragma once

#include <string_view>

namespace killswitch::kernel_iface {

// Whether a /proc/self/mounts text lists a filesystem of type `fstype` on
// `mount_point`.  Mount points are compared after undoing the octal escapes
// the kernel writes for blanks and backslashes; lines with fewer than three
// fields are skipped, as no kernel writes them.
bool is_mounted(std::string_view mounts, std::string_view mount_point,
                std::string_view fstype);

} // namespace killswitch::kernel_iface
