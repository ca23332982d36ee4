#include <set>

#include <fmt/format.h>

#include "commands/batch_send.h"
#include "commands/glob.h"
#include "commands/handlers.h"
#include "commands/kernel_errors.h"
#include "commands/session.h"

namespace killswitch::commands {
namespace {

using kernel_iface::BatchLine;
using kernel_iface::BatchVerb;
using util::fail;

// What is engaged, as targets, for patterns to range over.
util::Result<std::vector<symbols::SymbolName>, Failure>
engaged_targets(Context& ctx) {
  auto engaged = ctx.iface.engaged();
  if (!engaged)
    return fail(
        explain(engaged.error(), std::nullopt, ctx.iface.paths().engaged()));
  std::vector<symbols::SymbolName> names;
  for (const auto& e : *engaged) {
    if (auto name = symbols::parse_symbol_name(e.symbol); name)
      names.push_back(std::move(*name));
  }
  return names;
}

} // namespace

Outcome do_disengage(Context& ctx, const Args& args) {
  if (args.all && !args.words.empty())
    throw UsageError("disengage takes either SYMBOL... or --all, not both");
  if (!args.all && args.words.empty())
    throw UsageError("disengage takes SYMBOL... (names or patterns), or --all");

  // Names and patterns are all checked before anything is done.
  std::vector<symbols::SymbolName> names;
  std::vector<Glob> globs;
  for (const auto& word : args.words) {
    if (!is_glob(word)) {
      names.push_back(symbol_argument(word));
      continue;
    }
    auto glob = parse_glob(word);
    if (!glob)
      throw UsageError(glob.error().message);
    globs.push_back(std::move(*glob));
  }

  if (auto ready = prepare(ctx, true); !ready)
    return ready;
  if (args.all) {
    const auto command = kernel_iface::Command::disengage_all();
    return send(ctx, command);
  }

  if (!globs.empty()) {
    auto engaged = engaged_targets(ctx);
    if (!engaged)
      return fail(engaged.error());
    for (const auto& glob : globs) {
      const auto before = names.size();
      for (const auto& e : *engaged) {
        if (glob.matches(e))
          names.push_back(e);
      }
      if (names.size() == before)
        return fail(Failure{ExitCode::not_found,
                            fmt::format("nothing engaged matches {}",
                                        glob.module.empty()
                                            ? glob.pattern
                                            : glob.module + ":" + glob.pattern),
                            0});
    }
  }

  // A target named twice (or by a name and a pattern) is written once: the
  // kernel would refuse the second with ENOENT and undo the first.
  std::vector<BatchLine> lines;
  std::set<std::string> seen;
  for (auto& name : names) {
    if (seen.insert(name.to_string()).second)
      lines.push_back({BatchVerb::disengage, std::move(name), 0, 0});
  }
  return send_lines(ctx, lines);
}

} // namespace killswitch::commands
