#pragma once

#include <string>
#include <string_view>

#include "symbols/symbol_name.h"
#include "util/result.h"

namespace killswitch::commands {

// A SYMBOL argument holding '*' or '?': "ax25_*", or "ax25:*" for the
// functions of one module.  The module part is a plain name; '*' matches
// any run of characters and '?' one character of the symbol part.
struct Glob {
  std::string module; // empty: any module, or vmlinux
  std::string pattern;

  // Whether `name` is matched; a name in module M matches "M:..." and
  // patterns without a module.
  bool matches(const symbols::SymbolName& name) const;
};

// Whether the argument is a glob rather than one name.
bool is_glob(std::string_view text);

// Checks the pattern against the target grammar with '*' and '?' added.
// Brackets and other shell pattern syntax are refused, not taken
// literally, since no kernel symbol contains them.
util::Result<Glob> parse_glob(std::string_view text);

// '*' and '?' matching of a whole name.
bool glob_match(std::string_view pattern, std::string_view name);

} // namespace killswitch::commands
