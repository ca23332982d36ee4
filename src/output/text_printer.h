#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "output/printer.h"

namespace killswitch::output {

// "retval=-1 (-EPERM)": a value with its errno name when it has one, as
// every text report shows it.
std::string retval_text(std::int64_t value);

// Short lines for a terminal, without colour: reports on stdout, notes and
// errors on stderr prefixed with "killswitch: ".
class TextPrinter final : public Printer {
public:
  TextPrinter(std::ostream& out, std::ostream& err) : out_(out), err_(err) {}

  void note(std::string_view message) override;
  void done(const kernel_iface::Command& command) override;
  void status(const kernel_iface::Status& status) override;
  void applied(const policy::ApplyReport& report) override;
  void bootparam(const policy::BootParamReport& report) override;
  void rendered(const Rendered& report) override;
  void error(std::string_view message, int errnum, int exit_code) override;

private:
  std::ostream& out_;
  std::ostream& err_;
};

} // namespace killswitch::output
