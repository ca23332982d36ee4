// TextPrinter's reports for apply and bootparam.

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "output/text_printer.h"

namespace killswitch::output {
namespace {

using policy::Step;

// The first word of a result line: what happened, or under --dry-run what
// would.
std::string_view word(const policy::Applied& a, bool dry_run) {
  if (a.failed())
    return "failed";
  switch (a.decision.step) {
  case Step::engage:
    return dry_run ? "would engage" : "engaged";
  case Step::change:
    return dry_run ? "would change" : "changed";
  case Step::disengage:
    return dry_run ? "would disengage" : "disengaged";
  case Step::forget:
    return dry_run ? "would forget" : "forgot";
  case Step::keep:
    return "unchanged";
  case Step::skip:
    return "skipped";
  }
  return "skipped";
}

std::string kernel_text(const policy::RunningKernel& k) {
  if (!k.upstream)
    return fmt::format("kernel {}: upstream version unknown ({})", k.release,
                       k.source);
  return fmt::format("kernel {}: upstream {} ({})", k.release,
                     k.upstream->to_string(), k.source);
}

std::string summary_text(const policy::ApplyReport& r) {
  const auto c = r.counts();
  std::string forgot =
      c.forgotten > 0 ? fmt::format(", forgot {}", c.forgotten) : "";
  if (r.nothing_to_do())
    return fmt::format(
        "nothing to do: unchanged {}, skipped {}{}", c.unchanged, c.skipped,
        c.failed > 0 ? fmt::format(", failed {}", c.failed) : std::string());
  return fmt::format(
      "{}engaged {}, changed {}, disengaged {}{}, unchanged {}, skipped {}{}, "
      "failed {}",
      r.dry_run ? "dry run, nothing written: would have " : "", c.engaged,
      c.changed, c.disengaged, forgot, c.unchanged, c.skipped,
      c.held_back > 0 ? fmt::format(" ({} held back)", c.held_back) : "",
      c.failed);
}

void print_problems(std::ostream& err,
                    const std::vector<policy::Problem>& problems) {
  for (const auto& p : problems)
    fmt::print(err, "killswitch: {}: {}\n", p.where, p.message);
}

} // namespace

void TextPrinter::applied(const policy::ApplyReport& r) {
  for (const auto& o : r.overrides)
    note(fmt::format("{}: {} replaces {}", o.target, o.by, o.replaced));
  print_problems(err_, r.problems);

  fmt::print(out_, "{}\n", kernel_text(r.kernel));
  for (const auto& a : r.results) {
    const auto& d = a.decision;
    std::string line = fmt::format("{} {} {}", word(a, r.dry_run), d.target,
                                   retval_text(d.retval));
    if (d.current && *d.current != d.retval)
      line += fmt::format(" (engaged: {})", *d.current);
    if (!d.id.empty())
      line += fmt::format(" [{}]", d.id);
    if (a.failed())
      line +=
          fmt::format(": {} failed: {}", policy::step_name(d.step), a.error);
    else
      line += fmt::format(": {}", d.detail);
    fmt::print(out_, "{}\n", line);
    for (const auto& n : d.notes)
      fmt::print(out_, "  note: {}\n", n);
  }
  fmt::print(out_, "{}\n", summary_text(r));
}

void TextPrinter::bootparam(const policy::BootParamReport& r) {
  print_problems(err_, r.problems);
  for (const auto& d : r.left_out)
    note(fmt::format("left out {}{}: {}", d.target,
                     d.id.empty() ? "" : fmt::format(" [{}]", d.id), d.detail));
  if (r.param.empty()) {
    note("no entry of the policy applies to this kernel: no parameter");
    return;
  }
  fmt::print(out_, "{}\n", r.param);
}

} // namespace killswitch::output
