#include "commands/session.h"

#include <fmt/format.h>

#include "commands/kernel_errors.h"

namespace killswitch::commands {

using util::fail;

Outcome prepare(Context& ctx, bool need_module) {
  auto mounted = ctx.iface.ensure_mounted();
  if (!mounted)
    return fail(explain(mounted.error(), std::nullopt,
                        ctx.iface.paths().securityfs_mount));
  if (*mounted)
    ctx.out.note(fmt::format("mounted securityfs on {}",
                             ctx.iface.paths().securityfs_mount));

  if (need_module && !ctx.iface.present())
    return fail(Failure{ExitCode::not_loaded,
                        "killswitch module is not loaded (modprobe killswitch)",
                        0});
  return {};
}

Outcome send(Context& ctx, const kernel_iface::Command& command) {
  if (auto sent = ctx.iface.send(command); !sent) {
    const std::string subject =
        command.verb == kernel_iface::Verb::disengage_all
            ? std::string(kernel_iface::verb_name(command.verb))
            : command.target.to_string();
    return fail(explain(sent.error(), command.verb, subject));
  }
  ctx.out.done(command);
  return {};
}

symbols::SymbolName symbol_argument(const std::string& text) {
  auto name = symbols::parse_symbol_name(text);
  if (!name)
    throw UsageError(name.error().message);
  return std::move(*name);
}

} // namespace killswitch::commands
