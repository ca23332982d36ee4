#include "analysis/report_text.h"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "retval/retval.h"

namespace killswitch::analysis {
namespace {

std::string_view answer_text(Answer answer) {
  switch (answer) {
  case Answer::yes:
    return "yes";
  case Answer::no:
    return "no";
  case Answer::unknown:
    break;
  }
  return "unknown";
}

std::string place(const SymbolEntry& entry, const std::string& file,
                  bool hidden) {
  std::string out = where(entry);
  if (!file.empty())
    out += fmt::format(" ({})", file);
  if (entry.address != 0)
    out += fmt::format(" at {:#x}", entry.address);
  else if (hidden)
    out += " (address hidden)";
  return out;
}

// "int (integer, 4 bytes; FILE)"; void has no size to give.
std::string type_text(const ReturnType& type, const std::string& btf) {
  if (type.type_class == TypeClass::void_type)
    return fmt::format("{} ({})", type.spelling, btf);
  return fmt::format("{} ({}, {} byte{}; {})", type.spelling,
                     type_class_name(type.type_class), type.size,
                     type.size == 1 ? "" : "s", btf);
}

std::string value_text(std::int64_t value) {
  auto label = retval::errno_label(value);
  return label ? fmt::format("{} ({})", value, *label) : fmt::to_string(value);
}

void facts(const Report& report, std::string& out) {
  auto line = [&](std::string_view key, const std::string& value) {
    fmt::format_to(std::back_inserter(out), "  {:<9}{}\n", key, value);
  };
  if (const auto& loc = report.location) {
    std::string state;
    if (!loc->entry.in_vmlinux())
      state = loc->loaded ? ", loaded" : ", not loaded";
    line("where",
         fmt::format("{}{} [{}]",
                     place(loc->entry, loc->file, report.addresses_hidden),
                     state, loc->source));
  }
  if (report.candidates.size() > 1) {
    std::string list;
    for (const auto& c : report.candidates)
      list += (list.empty() ? "" : "; ") +
              place(c.entry, c.file, report.addresses_hidden);
    line("matches", list);
  }
  if (!report.clones.empty()) {
    std::string list;
    for (const auto& c : report.clones)
      list += fmt::format("{}{} ({})", list.empty() ? "" : ", ", c.entry.name,
                          clone_shape_name(c.shape));
    line("clones", list);
  }
  if (const auto& type = report.type.return_type)
    line("returns", type_text(*type, report.type.btf_source));
  if (report.location)
    line("probe", fmt::format("ftrace site {}, kprobe blacklist {}, __init {}",
                              answer_text(report.probe.ftrace_site),
                              answer_text(report.probe.blacklisted),
                              answer_text(report.probe.init_section)));
  if (report.retval)
    line("retval", value_text(*report.retval));
  else if (report.suggested_retval)
    line("retval", value_text(*report.suggested_retval) + " (suggested)");
}

} // namespace

std::string report_to_text(const Report& report) {
  std::string out = fmt::format(
      "{}: {}{}\n", report.target, level_name(report.verdict.level),
      report.running_kernel
          ? ""
          : fmt::format(" (kernel {}, not running)", report.kernel_release));
  facts(report, out);

  std::vector<const Finding*> reasons;
  for (const auto& finding : report.verdict.reasons)
    reasons.push_back(&finding);
  std::stable_sort(
      reasons.begin(), reasons.end(),
      [](const Finding* a, const Finding* b) { return a->level > b->level; });
  for (const Finding* finding : reasons)
    fmt::format_to(std::back_inserter(out), "  {:<7}{} [{}]\n",
                   finding_level_name(finding->level), finding->message,
                   finding->code);
  return out;
}

} // namespace killswitch::analysis
