#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "util/result.h"

namespace killswitch::symbols {

// Limits of a target name, the same as the module's (kernel/ks_parse.h):
// MODULE_NAME_LEN - 1 and KSYM_NAME_LEN - 1.
inline constexpr std::size_t kModuleMax = 55;
inline constexpr std::size_t kSymbolMax = 511;

// A target as the control file names it: "symbol" or "module:symbol".
struct SymbolName {
  std::string module; // empty when the name has no "module:" prefix
  std::string symbol;

  std::string to_string() const;
  bool operator==(const SymbolName&) const = default;
};

// Checks `text` against the kernel's target grammar:
//   [module ":"] symbol, module [A-Za-z0-9_-]{1,55}, symbol
//   [A-Za-z0-9_.]{1,511}
// The error message names the part and the character that is wrong.
util::Result<SymbolName> parse_symbol_name(std::string_view text);

} // namespace killswitch::symbols
