#pragma once

#include <vector>

#include "commands/handlers.h"
#include "kernel_iface/batch.h"

namespace killswitch::commands {

// Sends `lines` as one write (one batch: all or nothing, docs/
// control-interface.md) and reports it.  A refusal is explained for the
// line last_error names, so the user learns which target failed.
Outcome send_lines(Context& ctx,
                   const std::vector<kernel_iface::BatchLine>& lines);

} // namespace killswitch::commands
