#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace killswitch::retval {

struct ErrnoName {
  std::string_view name;
  int value;
};

// All errno names Linux defines (uapi and kernel-internal), primary names
// before their aliases.
std::span<const ErrnoName> errno_names();

// The positive value of an errno name such as "EPERM"; names are upper case
// and matched exactly.
std::optional<int> errno_value(std::string_view name);

// The primary name of a positive errno value, e.g. 11 -> "EAGAIN".
std::optional<std::string_view> errno_name(int value);

} // namespace killswitch::retval
