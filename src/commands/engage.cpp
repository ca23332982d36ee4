#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "commands/batch_send.h"
#include "commands/duration.h"
#include "commands/glob.h"
#include "commands/handlers.h"
#include "commands/rendered.h"
#include "commands/session.h"
#include "commands/target_analysis.h"
#include "commands/target_file.h"
#include "retval/retval.h"

namespace killswitch::commands {
namespace {

using kernel_iface::BatchLine;
using kernel_iface::BatchVerb;
using util::fail;

// The kernel's limit on the commands of one write.
constexpr std::size_t kMaxBatch = 4096;

struct Request {
  symbols::SymbolName target;
  std::int64_t retval = 0;
};

// What the command line asked for: named targets, or a pattern.
struct Asked {
  std::vector<Request> requests;
  std::optional<Glob> glob;
  std::int64_t glob_retval = 0;
};

std::int64_t retval_argument(const std::string& text) {
  auto value = retval::parse_retval(text);
  if (!value)
    throw UsageError(value.error().message);
  return *value;
}

util::Result<Asked, Failure> asked_targets(Context& ctx, const Args& args) {
  Asked asked;
  if (!args.from.empty()) {
    if (!args.words.empty())
      throw UsageError("engage --from FILE takes no SYMBOL or RETVAL");
    auto text = ctx.iface.filesystem().read(args.from);
    if (!text)
      return fail(Failure{
          ExitCode::usage,
          fmt::format("cannot read the --from file: {}", text.error().message),
          text.error().code});
    auto targets = parse_target_file(*text);
    if (!targets)
      throw UsageError(
          fmt::format("{}: {}", args.from, targets.error().message));
    for (auto& t : *targets)
      asked.requests.push_back({std::move(t.target), t.retval});
    return asked;
  }

  if (args.words.size() != 2)
    throw UsageError("engage takes SYMBOL and RETVAL, or --from FILE");
  const auto value = retval_argument(args.words[1]);
  if (is_glob(args.words[0])) {
    auto glob = parse_glob(args.words[0]);
    if (!glob)
      throw UsageError(glob.error().message);
    asked.glob = std::move(*glob);
    asked.glob_retval = value;
    return asked;
  }
  asked.requests.push_back({symbol_argument(args.words[0]), value});
  return asked;
}

// Each named target must pass the analysis; the first that does not stops
// the whole command, since the batch is all or nothing anyway.
util::Result<std::vector<BatchLine>, Failure>
checked_lines(Context& ctx, const std::vector<Request>& requests,
              const GateOptions& options) {
  std::vector<BatchLine> lines;
  std::optional<CachedSystemView> cached;
  if (ctx.view != nullptr)
    cached.emplace(*ctx.view);
  for (const auto& r : requests) {
    if (!cached) {
      lines.push_back({BatchVerb::engage, r.target, r.retval, 0});
      continue;
    }
    auto report = check_target(*cached, r.target, r.retval);
    if (auto go = gate(ctx, r.target, report, options); !go)
      return fail(go.error());
    const auto target = report ? write_target(*report, r.target) : r.target;
    lines.push_back({BatchVerb::engage, target, r.retval, 0});
  }
  return lines;
}

// The finding at the verdict's level that comes first: the reason to
// leave a match out.
analysis::Finding first_reason(const analysis::Report& report) {
  for (const auto& f : report.verdict.reasons) {
    if (f.level == report.verdict.level)
      return f;
  }
  return {report.verdict.level, "unknown", ""};
}

std::string pattern_text(const Glob& glob) {
  return glob.module.empty() ? glob.pattern : glob.module + ":" + glob.pattern;
}

// A pattern ranges over the functions the analysis sees (glob_universe);
// the matches it refuses are left out and listed rather than stopping the
// rest, and --force does not bring them back: a pattern should never
// engage a core function by accident.  Name such a target on its own.
util::Result<std::vector<BatchLine>, Failure>
glob_lines(Context& ctx, const Glob& glob, std::int64_t retval,
           const GateOptions& options) {
  const auto pattern = pattern_text(glob);
  if (ctx.view == nullptr)
    return fail(Failure{ExitCode::failure,
                        "a pattern needs the target analysis, which "
                        "KILLSWITCH_NO_CHECK turned off",
                        0});
  const CachedSystemView cached(*ctx.view);
  auto universe = glob_universe(cached);
  if (!universe)
    return fail(Failure{ExitCode::failure,
                        fmt::format("cannot list the kernel's functions: {}",
                                    universe.error().message),
                        universe.error().code});

  std::vector<symbols::SymbolName> matched;
  for (const auto& name : *universe) {
    if (glob.matches(name))
      matched.push_back(name);
  }
  if (matched.empty())
    return fail(Failure{ExitCode::not_found,
                        fmt::format("no function matches {}", pattern), 0});
  if (matched.size() > kMaxBatch)
    return fail(Failure{ExitCode::usage,
                        fmt::format("{} matches {} functions, more than the "
                                    "{} of one batch",
                                    pattern, matched.size(), kMaxBatch),
                        0});

  std::vector<BatchLine> lines;
  nlohmann::json left_out = nlohmann::json::array();
  // Left-out names grouped by the reason's code, so that a pattern over a
  // hundred functions prints a few lines, not a hundred.
  std::map<std::string, std::vector<std::string>> by_code;
  for (const auto& name : matched) {
    auto report = check_target(cached, name, retval);
    std::optional<analysis::Finding> why;
    if (!report)
      why = analysis::Finding{analysis::Level::refuse, "unchecked",
                              report.error().message};
    else if (report->verdict.level == analysis::Level::refuse ||
             (report->verdict.level == analysis::Level::warn && options.strict))
      why = first_reason(*report);
    if (!why) {
      lines.push_back(
          {BatchVerb::engage, write_target(*report, name), retval, 0});
      continue;
    }
    by_code[why->code].push_back(name.to_string());
    left_out.push_back({{"symbol", name.to_string()},
                        {"code", why->code},
                        {"reason", why->message}});
  }

  std::string notes;
  for (const auto& [code, names] : by_code)
    notes += fmt::format("left out {} ({}): {}\n", names.size(), code,
                         fmt::join(names, " "));
  notes += fmt::format("{} matches {} functions: {} to engage, {} left out "
                       "(killswitch check NAME says why)\n",
                       pattern, matched.size(), lines.size(), left_out.size());
  print_rendered(ctx, "", notes,
                 {{"pattern", pattern},
                  {"matched", matched.size()},
                  {"engaging", lines.size()},
                  {"left_out", left_out}});
  if (lines.empty())
    return fail(Failure{ExitCode::check_refuse,
                        fmt::format("the check left out every function "
                                    "matching {}: nothing engaged",
                                    pattern),
                        0});
  return lines;
}

} // namespace

Outcome do_engage(Context& ctx, const Args& args) {
  // Every argument is checked before anything touches the system, so bad
  // input never reaches the kernel (and never needs root).
  std::optional<int> window;
  if (!args.window.empty()) {
    auto seconds = parse_duration(args.window);
    if (!seconds)
      throw UsageError("--probe: " + seconds.error().message);
    window = *seconds;
  }
  auto asked = asked_targets(ctx, args);
  if (!asked)
    return fail(asked.error());

  if (auto ready = prepare(ctx, true); !ready)
    return ready;

  const GateOptions options{args.force, args.strict};
  auto lines = asked->glob
                   ? glob_lines(ctx, *asked->glob, asked->glob_retval, options)
                   : checked_lines(ctx, asked->requests, options);
  if (!lines)
    return fail(lines.error());

  // --probe: each engagement first observes; the kernel commits it only if
  // nothing called the function during the window (tryengage).
  if (window) {
    for (auto& l : *lines) {
      l.verb = BatchVerb::tryengage;
      l.seconds = *window;
    }
  }
  return send_lines(ctx, *lines);
}

} // namespace killswitch::commands
