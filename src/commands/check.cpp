#include "analysis/check.h"

#include <fmt/format.h>

#include "analysis/live_system_view.h"
#include "analysis/report_json.h"
#include "analysis/report_text.h"
#include "commands/handlers.h"
#include "commands/rendered.h"
#include "commands/session.h"
#include "retval/retval.h"

namespace killswitch::commands {

using util::fail;

Outcome do_check(Context& ctx, const Args& args) {
  if (args.words.empty() || args.words.size() > 2)
    throw UsageError("check takes SYMBOL and an optional RETVAL");

  analysis::CheckOptions options;
  options.target = symbol_argument(args.words[0]);
  if (args.words.size() == 2) {
    auto value = retval::parse_retval(args.words[1]);
    if (!value)
      throw UsageError(value.error().message);
    options.retval = *value;
  }
  if (!args.kernel_release.empty())
    options.kernel_release = args.kernel_release;

  // check only reads files, so it runs even where engage would skip the
  // analysis (KILLSWITCH_NO_CHECK).
  const analysis::LiveSystemView live;
  const analysis::SystemView& view = ctx.view != nullptr ? *ctx.view : live;
  auto report = analysis::check(view, options);
  if (!report)
    return fail(
        Failure{ExitCode::failure,
                fmt::format("cannot check {}: {}", options.target.to_string(),
                            report.error().message),
                0});

  print_rendered(ctx, analysis::report_to_text(*report), "",
                 analysis::report_to_json(*report));
  switch (report->verdict.level) {
  case analysis::Level::ok:
    return {};
  case analysis::Level::warn:
    return fail(Failure{ExitCode::check_warn, "", 0});
  case analysis::Level::refuse:
    break;
  }
  return fail(Failure{ExitCode::check_refuse, "", 0});
}

} // namespace killswitch::commands
