#pragma once

#include "commands/handlers.h"
#include "policy/locations.h"
#include "policy/target_check.h"

namespace killswitch::commands {

// The bodies of do_apply and do_bootparam, with the locations and the
// target analysis passed in, so that tests can run them on a mock tree.
// `check` may be null: no analysis.
Outcome run_apply(Context& ctx, const Args& args,
                  const policy::Locations& where,
                  const policy::TargetCheck* check);
Outcome run_bootparam(Context& ctx, const policy::Locations& where);

} // namespace killswitch::commands
