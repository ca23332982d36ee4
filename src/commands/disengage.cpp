#include "commands/handlers.h"
#include "commands/session.h"

namespace killswitch::commands {

Outcome do_disengage(Context& ctx, const Args& args) {
  if (args.all && !args.words.empty())
    throw UsageError("disengage takes either SYMBOL or --all, not both");
  if (!args.all && args.words.size() != 1)
    throw UsageError("disengage takes one SYMBOL, or --all");

  auto command =
      args.all
          ? kernel_iface::Command::disengage_all()
          : kernel_iface::Command::disengage(symbol_argument(args.words[0]));

  if (auto ready = prepare(ctx, true); !ready)
    return ready;
  return send(ctx, command);
}

} // namespace killswitch::commands
