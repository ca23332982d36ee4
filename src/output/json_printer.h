#pragma once

#include <ostream>

#include "output/printer.h"

namespace killswitch::output {

// One JSON object per line on stdout; the schema is in docs/cli.md.
class JsonPrinter final : public Printer {
public:
  explicit JsonPrinter(std::ostream& out) : out_(out) {}

  void note(std::string_view message) override;
  void done(const kernel_iface::Command& command) override;
  void status(const kernel_iface::Status& status) override;
  void applied(const policy::ApplyReport& report) override;
  void bootparam(const policy::BootParamReport& report) override;
  void rendered(const Rendered& report) override;
  void error(std::string_view message, int errnum, int exit_code) override;

private:
  std::ostream& out_;
};

} // namespace killswitch::output
