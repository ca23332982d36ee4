#include <cerrno>
#include <string>

#include <gtest/gtest.h>

#include "commands/kernel_errors.h"

namespace killswitch::commands {
namespace {

using kernel_iface::Verb;

Failure explain_code(int code, const char* op, std::optional<Verb> verb) {
  return explain(util::Error::from_code(code, op, "/ks/control"), verb, "fn");
}

struct Case {
  int code;
  const char* op;
  std::optional<Verb> verb;
  ExitCode exit;
  const char* sentence;
};

TEST(Explain, EveryKernelErrnoHasOneSentence) {
  const Case cases[] = {
      {ENOENT, "write", Verb::engage, ExitCode::not_found,
       "no such function in the running kernel, or its module is not "
       "loaded: fn"},
      {ENOENT, "write", Verb::disengage, ExitCode::not_found,
       "fn is not engaged"},
      {EBUSY, "write", Verb::engage, ExitCode::busy,
       "fn is already engaged (disengage it first to change the value), or "
       "another ftrace user with IPMODIFY (livepatch, a kprobe) holds it"},
      {EPERM, "write", Verb::engage, ExitCode::permission,
       "permission denied: needs CAP_SYS_ADMIN in the initial user "
       "namespace; engage is also refused while the kernel is locked down"},
      {EPERM, "write", Verb::disengage, ExitCode::permission,
       "permission denied: needs CAP_SYS_ADMIN in the initial user "
       "namespace"},
      {EACCES, "open", Verb::engage, ExitCode::permission,
       "permission denied: killswitch needs root"},
      {EACCES, "open", std::nullopt, ExitCode::permission,
       "permission denied: killswitch needs root"},
      {EACCES, "write", Verb::engage, ExitCode::permission,
       "refused: fn belongs to killswitch itself"},
      {EINVAL, "write", Verb::engage, ExitCode::refused,
       "the kernel refused the command: malformed, or fn cannot be probed "
       "(blacklisted, not kernel text, freed __init)"},
      {EOPNOTSUPP, "write", Verb::engage, ExitCode::refused,
       "fn cannot be probed: it has no ftrace site (notrace, or only "
       "inlined)"},
      {E2BIG, "write", Verb::engage, ExitCode::failure,
       "the kernel refused the write as larger than 65536 bytes"},
      {ENOMEM, "write", Verb::disengage, ExitCode::failure,
       "the kernel is out of memory"},
      {EPERM, "mount", std::nullopt, ExitCode::permission,
       "cannot mount securityfs on fn: killswitch needs root"},
      {EINVAL, "write", Verb::disengage, ExitCode::refused,
       "the kernel refused the command as malformed: fn"},
  };
  for (const auto& c : cases) {
    const auto f = explain_code(c.code, c.op, c.verb);
    EXPECT_EQ(f.exit, c.exit) << c.sentence;
    EXPECT_EQ(f.message, c.sentence);
    EXPECT_EQ(f.errnum, c.code);
  }
}

TEST(Explain, OtherErrorsKeepTheSystemsWords) {
  auto f = explain_code(ENOENT, "open", Verb::engage);
  EXPECT_EQ(f.exit, ExitCode::failure);
  EXPECT_EQ(f.message, "open /ks/control: No such file or directory");

  f = explain_code(EBUSY, "mount", std::nullopt);
  EXPECT_EQ(f.exit, ExitCode::failure);
  EXPECT_EQ(f.message, "mount /ks/control: Device or resource busy");

  f = explain_code(EACCES, "mount", std::nullopt);
  EXPECT_EQ(f.exit, ExitCode::permission);

  f = explain_code(EIO, "write", Verb::engage);
  EXPECT_EQ(f.exit, ExitCode::failure);
  EXPECT_EQ(f.errnum, EIO);

  f = explain(util::Error::invalid("engaged, line 1: no hits= field"),
              std::nullopt, "");
  EXPECT_EQ(f.exit, ExitCode::failure);
  EXPECT_EQ(f.message, "engaged, line 1: no hits= field");
}

} // namespace
} // namespace killswitch::commands
