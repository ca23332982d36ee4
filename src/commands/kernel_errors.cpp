#include "commands/kernel_errors.h"

#include <cerrno>

#include <fmt/format.h>

namespace killswitch::commands {
namespace {

using kernel_iface::Verb;

// A row matches when its verb (if any), step and errno all match; the first
// matching row wins, so specific rows come before general ones.  "{}" in a
// sentence stands for the command's target (the mount point for "mount").
struct Row {
  std::optional<Verb> verb;
  std::string_view op;
  int code;
  ExitCode exit;
  std::string_view sentence;
};

constexpr Row kRows[] = {
    {Verb::engage, "write", ENOENT, ExitCode::not_found,
     "no such function in the running kernel, or its module is not loaded: "
     "{}"},
    {Verb::disengage, "write", ENOENT, ExitCode::not_found,
     "{} is not engaged"},
    {std::nullopt, "write", EBUSY, ExitCode::busy,
     "{} is already engaged (disengage it first to change the value), or "
     "another ftrace user with IPMODIFY (livepatch, a kprobe) holds it"},
    {Verb::engage, "write", EPERM, ExitCode::permission,
     "permission denied: needs CAP_SYS_ADMIN in the initial user namespace; "
     "engage is also refused while the kernel is locked down"},
    {std::nullopt, "write", EPERM, ExitCode::permission,
     "permission denied: needs CAP_SYS_ADMIN in the initial user namespace"},
    {std::nullopt, "open", EPERM, ExitCode::permission,
     "permission denied: needs CAP_SYS_ADMIN in the initial user namespace"},
    {std::nullopt, "mount", EPERM, ExitCode::permission,
     "cannot mount securityfs on {}: killswitch needs root"},
    {std::nullopt, "open", EACCES, ExitCode::permission,
     "permission denied: killswitch needs root"},
    {std::nullopt, "write", EACCES, ExitCode::permission,
     "refused: {} belongs to killswitch itself"},
    {Verb::engage, "write", EINVAL, ExitCode::refused,
     "the kernel refused the command: malformed, or {} cannot be probed "
     "(blacklisted, not kernel text, freed __init)"},
    {Verb::engage, "write", EOPNOTSUPP, ExitCode::refused,
     "{} cannot be probed: it has no ftrace site (notrace, or only "
     "inlined)"},
    {std::nullopt, "write", EINVAL, ExitCode::refused,
     "the kernel refused the command as malformed: {}"},
    {std::nullopt, "write", E2BIG, ExitCode::failure,
     "the kernel refused the write as larger than 65536 bytes"},
    {std::nullopt, "write", ENOMEM, ExitCode::failure,
     "the kernel is out of memory"},
};

bool matches(const Row& row, const util::Error& error,
             std::optional<Verb> verb) {
  return row.code == error.code && row.op == error.op &&
         (!row.verb || row.verb == verb);
}

} // namespace

Failure explain(const util::Error& error, std::optional<Verb> verb,
                std::string_view subject) {
  for (const auto& row : kRows) {
    if (matches(row, error, verb))
      return Failure{row.exit, fmt::format(fmt::runtime(row.sentence), subject),
                     error.code};
  }

  // Anything else keeps the system's own words ("mount /sys/...: ...").
  const bool denied = error.code == EPERM || error.code == EACCES;
  return Failure{denied ? ExitCode::permission : ExitCode::failure,
                 error.message, error.code};
}

} // namespace killswitch::commands
