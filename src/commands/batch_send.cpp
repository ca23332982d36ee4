#include "commands/batch_send.h"

#include <fmt/format.h>

#include "commands/kernel_errors.h"
#include "commands/rendered.h"
#include "commands/session.h"
#include "retval/retval.h"

namespace killswitch::commands {
namespace {

using kernel_iface::BatchLine;
using kernel_iface::BatchVerb;
using util::fail;

kernel_iface::Verb explained_verb(BatchVerb verb) {
  return verb == BatchVerb::disengage ? kernel_iface::Verb::disengage
                                      : kernel_iface::Verb::engage;
}

std::string retval_text(std::int64_t value) {
  const auto label = retval::errno_label(value);
  return label ? fmt::format("retval={} ({})", value, *label)
               : fmt::format("retval={}", value);
}

std::string line_text(const BatchLine& l) {
  std::string target = l.target.to_string();
  switch (l.verb) {
  case BatchVerb::engage:
    return fmt::format("engaged {} {}", target, retval_text(l.retval));
  case BatchVerb::tryengage:
    return fmt::format("observing {} for {}s, then engaged {} if nothing "
                       "called it",
                       target, l.seconds, retval_text(l.retval));
  case BatchVerb::observe:
    return fmt::format("observing {} for {}s", target, l.seconds);
  case BatchVerb::disengage:
    return fmt::format("disengaged {}", target);
  }
  return target;
}

nlohmann::json line_json(const BatchLine& l) {
  nlohmann::json object = {{"symbol", l.target.to_string()}};
  if (l.verb == BatchVerb::engage || l.verb == BatchVerb::tryengage) {
    const auto label = retval::errno_label(l.retval);
    object["retval"] = l.retval;
    object["errno"] =
        label ? nlohmann::json(label->substr(1)) : nlohmann::json(nullptr);
  }
  if (l.verb == BatchVerb::tryengage || l.verb == BatchVerb::observe)
    object["seconds"] = l.seconds;
  return object;
}

void report(Context& ctx, const std::vector<BatchLine>& lines) {
  std::string text;
  nlohmann::json targets = nlohmann::json::array();
  for (const auto& l : lines) {
    text += line_text(l) + "\n";
    targets.push_back(line_json(l));
  }
  const auto verb = kernel_iface::batch_verb_name(lines.front().verb);
  print_rendered(ctx, text, "",
                 {{"ok", true}, {"command", verb}, {"targets", targets}});
}

Failure refusal(const util::Error& error, const std::vector<BatchLine>& lines,
                const std::optional<kernel_iface::LastError>& last) {
  const auto& first = lines.front();
  std::string subject = first.target.to_string();
  if (last && !last->target.empty())
    subject = last->target;

  auto failure = explain(error, explained_verb(first.verb), subject);
  if (lines.size() > 1 && last) {
    failure.message =
        last->line == 0
            ? fmt::format("the batch of {} was refused as a whole, none "
                          "applied: {}",
                          lines.size(), failure.message)
            : fmt::format("line {} of {} refused, none applied: {}", last->line,
                          lines.size(), failure.message);
  } else if (lines.size() > 1) {
    failure.message = fmt::format("the batch of {} was refused, none "
                                  "applied (last_error unreadable): {}",
                                  lines.size(), failure.message);
  }
  return failure;
}

} // namespace

Outcome send_lines(Context& ctx, const std::vector<BatchLine>& lines) {
  if (lines.empty())
    return {};

  std::optional<kernel_iface::LastError> last;
  if (auto sent = kernel_iface::send_batch(ctx.iface, lines, last); !sent)
    return fail(refusal(sent.error(), lines, last));

  // One plain engage or disengage keeps the output it always had.
  const auto& only = lines.front();
  if (lines.size() == 1 && only.verb == BatchVerb::engage) {
    ctx.out.done(kernel_iface::Command::engage(only.target, only.retval));
    return {};
  }
  if (lines.size() == 1 && only.verb == BatchVerb::disengage) {
    ctx.out.done(kernel_iface::Command::disengage(only.target));
    return {};
  }
  report(ctx, lines);
  return {};
}

} // namespace killswitch::commands
