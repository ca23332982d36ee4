#include "commands/exit_code.h"

#include <fmt/format.h>

namespace killswitch::commands {
namespace {

constexpr ExitCodeInfo kExitCodes[] = {
    {ExitCode::ok, "success"},
    {ExitCode::failure, "other failure"},
    {ExitCode::usage, "usage or invalid input (nothing written)"},
    {ExitCode::not_loaded, "killswitch module not loaded"},
    {ExitCode::permission, "permission denied (EPERM, EACCES)"},
    {ExitCode::not_found, "not found (ENOENT: no such function, not engaged)"},
    {ExitCode::busy, "busy (EBUSY: already engaged, or a conflict)"},
    {ExitCode::refused, "kernel refused the target (EINVAL, EOPNOTSUPP)"},
    {ExitCode::partial,
     "apply, bootparam: part of the policy failed, the rest was applied"},
    {ExitCode::check_warn,
     "check: the verdict is WARN (engage --strict stopped)"},
    {ExitCode::check_refuse,
     "check: the verdict is REFUSE (engage stopped; --force overrides)"},
};

} // namespace

std::span<const ExitCodeInfo> exit_codes() {
  return kExitCodes;
}

std::string exit_code_help() {
  std::string text = "Exit codes:\n";
  for (const auto& info : kExitCodes)
    text += fmt::format("  {}  {}\n", to_int(info.code), info.meaning);
  return text;
}

} // namespace killswitch::commands
