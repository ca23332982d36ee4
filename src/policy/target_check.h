#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "symbols/symbol_name.h"

namespace killswitch::policy {

// What the target analysis of `killswitch check` says about engaging one
// entry.  `apply` asks before it engages or changes anything.
struct CheckVerdict {
  enum class Level { ok, warn, refuse, unavailable };
  Level level = Level::ok;
  // The findings behind warn and refuse; for unavailable, why the check
  // could not run.
  std::vector<std::string> reasons;
  // A refusal that `force` does not override: the module named does not
  // exist, so the engagement would wait for a load that cannot happen.
  bool final = false;
  // Where the check found the function, when that is a module and the
  // target did not name it: apply then engages MODULE:SYMBOL, as engage
  // does, so the engagement outlives an unload of the module.
  std::optional<symbols::SymbolName> placed = std::nullopt;
};

// The hook through which apply runs the check.  commands/apply_check.cpp
// implements it with analysis::check(); tests substitute their own.
class TargetCheck {
public:
  virtual ~TargetCheck() = default;
  virtual CheckVerdict assess(const symbols::SymbolName& target,
                              std::int64_t retval) const = 0;
};

} // namespace killswitch::policy
