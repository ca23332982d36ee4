#include "kernel_iface/status.h"

#include "commands/handlers.h"
#include "commands/kernel_errors.h"
#include "commands/session.h"

namespace killswitch::commands {

using util::fail;

Outcome do_status(Context& ctx, const Args& args) {
  if (!args.words.empty() || args.all)
    throw UsageError("status takes no arguments");

  // A module that is not loaded is part of the report, not a failure.
  if (auto ready = prepare(ctx, false); !ready)
    return ready;

  auto status = kernel_iface::read_status(ctx.iface);
  if (!status)
    return fail(explain(status.error(), std::nullopt, ""));
  ctx.out.status(*status);
  return {};
}

} // namespace killswitch::commands
