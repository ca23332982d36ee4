// killswitch apply: reconcile the running kernel with the policy.

#include <cerrno>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commands/apply_check.h"
#include "commands/handlers.h"
#include "commands/kernel_errors.h"
#include "commands/policy_commands.h"
#include "commands/policy_inputs.h"
#include "commands/session.h"
#include "policy/module_symbols.h"
#include "policy/ownership.h"
#include "policy/report.h"

namespace killswitch::commands {
namespace {

using policy::Applied;
using policy::Decision;
using policy::Step;
using util::fail;

// The state file's list.  A missing file is an empty list (nothing was
// applied since boot); a damaged one is a problem and also an empty list,
// so nothing is ever disengaged on the strength of a file that cannot be
// read.
std::vector<policy::Owned> read_owned(const kernel_iface::Filesystem& fs,
                                      const std::string& path,
                                      std::vector<policy::Problem>& problems) {
  auto text = fs.read(path);
  if (!text) {
    if (text.error().code != ENOENT)
      problems.push_back({path, text.error().message});
    return {};
  }
  auto owned = policy::parse_owned(*text);
  if (!owned) {
    problems.push_back(
        {path, owned.error().message +
                   "; treating every engagement as made by hand"});
    return {};
  }
  return std::move(*owned);
}

void write_owned(kernel_iface::Filesystem& fs, const policy::Locations& where,
                 const std::vector<policy::Owned>& owned,
                 std::vector<policy::Problem>& problems) {
  auto written = fs.make_dir(where.state_dir());
  if (written)
    written = fs.replace(where.state_file, policy::format_owned(owned));
  if (!written)
    problems.push_back(
        {where.state_file,
         written.error().message +
             "; what this run engaged will look engaged by hand"});
}

util::Result<void> write_retval(Context& ctx, const std::string& target,
                                std::int64_t retval) {
  const auto path =
      fmt::format("{}/fn/{}/retval", ctx.iface.paths().securityfs_dir, target);
  return ctx.iface.filesystem().write_once(path, fmt::format("{}\n", retval));
}

// Carries out one decision; keep, forget and skip write nothing.
Applied carry_out(Context& ctx, const Decision& d) {
  Applied a{d, true, {}, 0};
  if (d.step != Step::engage && d.step != Step::change &&
      d.step != Step::disengage)
    return a;

  auto name = symbols::parse_symbol_name(d.target);
  if (!name) {
    a.done = false;
    a.error = "the state file names an invalid target: " + name.error().message;
    return a;
  }

  util::Result<void> sent;
  std::optional<kernel_iface::Verb> verb;
  if (d.step == Step::engage) {
    verb = kernel_iface::Verb::engage;
    sent = ctx.iface.send(kernel_iface::Command::engage(*name, d.retval));
  } else if (d.step == Step::change) {
    sent = write_retval(ctx, d.target, d.retval);
  } else {
    verb = kernel_iface::Verb::disengage;
    sent = ctx.iface.send(kernel_iface::Command::disengage(*name));
    // Disengaged meanwhile by someone else: the goal is reached.
    if (!sent && sent.error().code == ENOENT)
      return a;
  }
  if (!sent) {
    const auto failure = explain(sent.error(), verb, d.target);
    a.done = false;
    a.error = failure.message;
    a.errnum = failure.errnum;
  }
  return a;
}

Outcome fail_partial(const policy::ApplyCounts& counts) {
  std::vector<std::string> what;
  if (counts.failed > 0)
    what.push_back(fmt::format("{} failed", counts.failed));
  if (counts.held_back > 0)
    what.push_back(fmt::format("{} held back by the check", counts.held_back));
  return fail(Failure{
      ExitCode::partial,
      fmt::format("not everything was applied: {}", fmt::join(what, ", ")), 0});
}

} // namespace

Outcome run_apply(Context& ctx, const Args& args,
                  const policy::Locations& where,
                  const policy::TargetCheck* check) {
  auto& fs = ctx.iface.filesystem();
  auto in = read_policy_inputs(fs, where, args.boot);

  if (auto ready = prepare(ctx, true); !ready)
    return ready;
  auto engaged = ctx.iface.engaged();
  if (!engaged)
    return fail(explain(engaged.error(), std::nullopt, ""));

  policy::ApplyReport report;
  report.dry_run = args.dry_run;
  report.boot = args.boot;
  report.kernel = in.kernel;
  report.files = in.policy.files;
  report.problems = in.policy.problems;
  report.overrides = in.policy.overrides;

  const auto owned = read_owned(fs, where.state_file, report.problems);
  // Without modules.symbols (no modules installed for this release),
  // targets are engaged as written.
  auto symbols = fs.read(where.module_symbols(in.kernel.release));
  const policy::ModuleSymbols resolver(symbols ? *symbols : std::string());
  const auto decisions =
      policy::plan({in.policy.entries, std::move(*engaged), owned, in.today,
                    in.kernel, args.boot, check, &resolver});

  for (const auto& d : decisions)
    report.results.push_back(args.dry_run ? Applied{d, false, {}, 0}
                                          : carry_out(ctx, d));

  if (!args.dry_run) {
    const auto after = policy::owned_after(owned, report.results);
    if (after != owned)
      write_owned(fs, where, after, report.problems);
  }

  ctx.out.applied(report);
  const auto counts = report.counts();
  if (counts.failed > 0 || counts.held_back > 0)
    return fail_partial(counts);
  return {};
}

Outcome do_apply(Context& ctx, const Args& args) {
  if (!args.words.empty() || args.all)
    throw UsageError("apply takes no arguments");

  const auto where = policy_locations();
  const auto check = make_target_check(ctx);
  return run_apply(ctx, args, where, check.get());
}

} // namespace killswitch::commands
