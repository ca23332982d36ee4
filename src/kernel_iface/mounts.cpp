#include "kernel_iface/mounts.h"

#include <algorithm>
#include <string>

#include "util/text.h"

namespace killswitch::kernel_iface {
namespace {

bool is_octal(char c) {
  return c >= '0' && c <= '7';
}

// Undoes the kernel's \ooo escapes (mangle() in fs/proc_namespace.c).
std::string unescape(std::string_view field) {
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\\' && i + 3 < field.size() && is_octal(field[i + 1]) &&
        is_octal(field[i + 2]) && is_octal(field[i + 3])) {
      out += static_cast<char>((field[i + 1] - '0') * 64 +
                               (field[i + 2] - '0') * 8 + (field[i + 3] - '0'));
      i += 3;
    } else {
      out += field[i];
    }
  }
  return out;
}

} // namespace

bool is_mounted(std::string_view mounts, std::string_view mount_point,
                std::string_view fstype) {
  return std::ranges::any_of(util::split_lines(mounts), [&](auto line) {
    const auto f = util::split_words(line);
    return f.size() >= 3 && f[2] == fstype && unescape(f[1]) == mount_point;
  });
}

} // namespace killswitch::kernel_iface
