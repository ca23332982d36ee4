// killswitch bootparam: the killswitch= parameter for the current policy.

#include <fmt/format.h>

#include "commands/handlers.h"
#include "commands/policy_commands.h"
#include "commands/policy_inputs.h"
#include "policy/cmdline.h"
#include "policy/plan.h"
#include "policy/report.h"

namespace killswitch::commands {

Outcome run_bootparam(Context& ctx, const policy::Locations& where) {
  const auto in = read_policy_inputs(ctx.iface.filesystem(), where, false);

  policy::BootParamReport report;
  report.problems = in.policy.problems;
  for (const auto& entry : in.policy.entries) {
    std::vector<std::string> notes;
    auto why = policy::retirement(entry, in.today, in.kernel, notes);
    if (!why) {
      report.included.push_back(entry);
      continue;
    }
    policy::Decision left;
    left.target = entry.target.to_string();
    left.retval = entry.retval;
    left.id = entry.id;
    left.source = entry.source;
    left.detail = *why;
    report.left_out.push_back(std::move(left));
  }
  report.param = policy::format_bootparam(report.included);

  ctx.out.bootparam(report);
  if (!report.problems.empty())
    return util::fail(Failure{
        ExitCode::partial,
        fmt::format("{} problem(s) in the policy: the parameter leaves out "
                    "what they concern",
                    report.problems.size()),
        0});
  return {};
}

Outcome do_bootparam(Context& ctx, const Args& args) {
  if (!args.words.empty() || args.all || args.dry_run || args.boot)
    throw UsageError("bootparam takes no arguments");
  return run_bootparam(ctx, policy_locations());
}

} // namespace killswitch::commands
