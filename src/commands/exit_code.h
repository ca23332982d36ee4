#pragma once

#include <span>
#include <string>
#include <string_view>

namespace killswitch::commands {

// The tool's exit codes; docs/cli.md and --help print this same table.
enum class ExitCode {
  ok = 0,
  failure = 1,    // any other failure
  usage = 2,      // usage or invalid input; nothing was written
  not_loaded = 3, // the killswitch module is not loaded
  permission = 4, // EPERM or EACCES
  not_found = 5,  // ENOENT: no such function, or not engaged
  busy = 6,       // EBUSY: already engaged, or another ftrace user
  refused = 7,    // EINVAL/EOPNOTSUPP from the kernel, well-formed command
  partial = 8,    // apply, bootparam: part of the policy failed
  // The verdicts of the target analysis (src/analysis/verdict.h).
  check_warn = 10,   // check: WARN; engage --strict stopped
  check_refuse = 11, // check: REFUSE; engage stopped (no --force)
};

struct ExitCodeInfo {
  ExitCode code;
  std::string_view meaning;
};

std::span<const ExitCodeInfo> exit_codes();

// The table as text for the --help footer.
std::string exit_code_help();

inline int to_int(ExitCode code) {
  return static_cast<int>(code);
}

} // namespace killswitch::commands
