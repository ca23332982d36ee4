#pragma once

#include <string>
#include <string_view>

namespace killswitch::util {

// What went wrong in a recoverable operation.  `code` is an errno value so
// that callers can tell failures apart without parsing text; `op` names the
// step that failed ("open", "write", "read", "mount", "parse") because the
// same errno means different things at different steps (EACCES from open is
// the VFS refusing a non-root user, EACCES from write is the module refusing
// a target).
struct Error {
  int code = 0;
  std::string op;
  std::string message;

  // An error from a system call that just failed: takes errno, and words the
  // message as "OP SUBJECT: strerror".
  static Error from_errno(std::string_view op, std::string_view subject);
  static Error from_code(int code, std::string_view op,
                         std::string_view subject);

  // Input that does not follow a grammar; code is EINVAL.
  static Error invalid(std::string message);
};

} // namespace killswitch::util
