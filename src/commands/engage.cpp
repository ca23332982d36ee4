#include "commands/handlers.h"
#include "commands/session.h"
#include "retval/retval.h"

namespace killswitch::commands {

Outcome do_engage(Context& ctx, const Args& args) {
  if (args.words.size() != 2)
    throw UsageError("engage takes SYMBOL and RETVAL");

  // Both arguments are checked before anything touches the system, so bad
  // input never reaches the kernel (and never needs root).
  auto target = symbol_argument(args.words[0]);
  auto value = retval::parse_retval(args.words[1]);
  if (!value)
    throw UsageError(value.error().message);

  if (auto ready = prepare(ctx, true); !ready)
    return ready;
  return send(ctx, kernel_iface::Command::engage(std::move(target), *value));
}

} // namespace killswitch::commands
