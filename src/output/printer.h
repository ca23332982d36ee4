#pragma once

#include <iosfwd>
#include <memory>
#include <string_view>

#include "kernel_iface/command.h"
#include "kernel_iface/status.h"
#include "output/rendered.h"
#include "policy/report.h"

namespace killswitch::output {

enum class Format { text, json };

// Everything the tool prints goes through one Printer, chosen once in main:
// TextPrinter for people, JsonPrinter for scripts.  Under JSON every report
// and every error is one JSON object on stdout, and notes are dropped, so
// stdout always parses.
class Printer {
public:
  virtual ~Printer() = default;

  // Informational chatter ("mounted securityfs on ...").
  virtual void note(std::string_view message) = 0;

  // A command the kernel accepted.
  virtual void done(const kernel_iface::Command& command) = 0;

  virtual void status(const kernel_iface::Status& status) = 0;

  // What `apply` decided and did (or would do, under --dry-run).
  virtual void applied(const policy::ApplyReport& report) = 0;

  // The killswitch= parameter for the policy, and what it leaves out.
  virtual void bootparam(const policy::BootParamReport& report) = 0;

  // A report rendered by its command in both forms (output/rendered.h).
  virtual void rendered(const Rendered& report) = 0;

  // A failure: one sentence, the errno behind it (0 if none) and the exit
  // code the tool is about to return.
  virtual void error(std::string_view message, int errnum, int exit_code) = 0;
};

std::unique_ptr<Printer> make_printer(Format format, std::ostream& out,
                                      std::ostream& err);

} // namespace killswitch::output
