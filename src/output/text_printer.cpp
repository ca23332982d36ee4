#include "output/text_printer.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "kernel_iface/taint.h"
#include "retval/retval.h"

namespace killswitch::output {

std::string retval_text(std::int64_t value) {
  if (auto label = retval::errno_label(value))
    return fmt::format("retval={} ({})", value, *label);
  return fmt::format("retval={}", value);
}

namespace {

using kernel_iface::Verb;

std::string taint_text(const kernel_iface::Status& s) {
  std::string detail;
  if (s.module_taint)
    detail = fmt::format("module flag {:d}", *s.module_taint);
  if (s.kernel_taint)
    detail += fmt::format(
        "{}kernel bit {} {}", detail.empty() ? "" : ", ",
        kernel_iface::kTaintBit,
        kernel_iface::has_killswitch_taint(*s.kernel_taint) ? "set" : "clear");
  if (detail.empty())
    return "unknown";

  const bool tainted =
      s.module_taint.value_or(false) ||
      (s.kernel_taint && kernel_iface::has_killswitch_taint(*s.kernel_taint));
  return fmt::format("{} ({})", tainted ? "yes" : "no", detail);
}

} // namespace

void TextPrinter::note(std::string_view message) {
  fmt::print(err_, "killswitch: {}\n", message);
}

void TextPrinter::done(const kernel_iface::Command& command) {
  switch (command.verb) {
  case Verb::engage:
    fmt::print(out_, "engaged {} {}\n", command.target.to_string(),
               retval_text(command.retval));
    break;
  case Verb::disengage:
    fmt::print(out_, "disengaged {}\n", command.target.to_string());
    break;
  case Verb::disengage_all:
    fmt::print(out_, "disengaged all\n");
    break;
  }
}

void TextPrinter::status(const kernel_iface::Status& s) {
  fmt::print(out_, "module: {}\n",
             s.module_loaded ? "loaded" : "not loaded (modprobe killswitch)");
  if (s.module_loaded && !s.interface_present)
    fmt::print(out_, "securityfs: no killswitch directory\n");
  fmt::print(out_, "taint: {}\n", taint_text(s));
  if (!s.interface_present)
    return;

  if (s.engaged.empty()) {
    fmt::print(out_, "engaged: none\n");
    return;
  }
  fmt::print(out_, "engaged:\n");
  for (const auto& e : s.engaged) {
    fmt::print(out_, "  {} {} hits={}", e.symbol, retval_text(e.retval),
               e.hits);
    if (!e.state.empty())
      fmt::print(out_, " state={}", e.state);
    for (const auto& [key, value] : e.extra)
      fmt::print(out_, " {}={}", key, value);
    fmt::print(out_, "\n");
  }
}

void TextPrinter::error(std::string_view message, int /*errnum*/,
                        int /*exit_code*/) {
  fmt::print(err_, "killswitch: {}\n", message);
}

} // namespace killswitch::output
