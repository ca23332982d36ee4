#pragma once

#include <memory>

#include "commands/handlers.h"
#include "policy/target_check.h"

namespace killswitch::commands {

// The target analysis of `killswitch check` (src/analysis), as engage runs
// it (target_analysis.h), for apply to run on every entry it is about to
// engage.  Nothing when the context has no system view to check against
// (KILLSWITCH_NO_CHECK=1, for tests on a fake tree).
std::unique_ptr<policy::TargetCheck> make_target_check(const Context& ctx);

} // namespace killswitch::commands
