#pragma once

#include <stdexcept>
#include <string>

#include "commands/exit_code.h"

namespace killswitch::commands {

// A failure as the user will read it: one sentence, the errno behind it
// (0 if none) and the exit code.  Handlers return it; main prints it.  An
// empty message means the handler has reported already (check's WARN and
// REFUSE verdicts): main only exits with the code.
struct Failure {
  ExitCode exit = ExitCode::failure;
  std::string message;
  int errnum = 0;
};

// The one exception type of the tool (docs/cpp-errors.md): a fatal user
// error, such as an invalid SYMBOL or RETVAL, found before anything was
// written.  Thrown by handlers, caught only in main, exit code 2.
class UsageError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

} // namespace killswitch::commands
