#pragma once

#include <cstdint>
#include <string_view>

#include "util/result.h"

namespace killswitch::kernel_iface {

// TAINT_KILLSWITCH: bit 20 of the kernel's taint mask ('H'), set by the
// first engage since boot and kept until reboot.
inline constexpr unsigned kTaintBit = 20;

inline bool has_killswitch_taint(std::uint64_t mask) {
  return ((mask >> kTaintBit) & 1U) != 0;
}

// The module's `taint` file: "0" or "1", with an optional newline.
util::Result<bool> parse_taint_flag(std::string_view text);

// /proc/sys/kernel/tainted: the mask in decimal, with an optional newline.
util::Result<std::uint64_t> parse_taint_mask(std::string_view text);

} // namespace killswitch::kernel_iface
