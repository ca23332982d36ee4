// The module's command parser (kernel/ks_parse.c), built as user-space C:
// its own table tests, and the tool's grammar held to it input for input.

#include <cerrno>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "kernel_iface/command.h"
#include "ks_parse.h"
#include "retval/errno_table.h"
#include "retval/retval.h"
#include "symbols/symbol_name.h"

namespace killswitch {
namespace {

static_assert(symbols::kModuleMax == KS_MODULE_MAX);
static_assert(symbols::kSymbolMax == KS_SYMBOL_MAX);

ks_verb to_ks_verb(kernel_iface::Verb verb) {
  switch (verb) {
  case kernel_iface::Verb::engage:
    return KS_VERB_ENGAGE;
  case kernel_iface::Verb::disengage:
    return KS_VERB_DISENGAGE;
  case kernel_iface::Verb::disengage_all:
    break;
  }
  return KS_VERB_DISENGAGE_ALL;
}

int c_retval(std::string_view s, long long* out) {
  return ks_parse_retval(s.data(), s.size(), out);
}

int c_target(std::string_view s, size_t* module_len) {
  return ks_parse_target(s.data(), s.size(), module_len);
}

// All commands of a buffer, or the errno of the first bad line.
struct Parsed {
  int error = 0;
  std::vector<ks_cmd> commands;
};

Parsed c_parse_all(std::string_view buf) {
  Parsed parsed;
  const char* pos = buf.data();
  const char* end = buf.data() + buf.size();
  ks_cmd cmd{};
  int rc = 0;
  while ((rc = ks_parse_next(&pos, end, &cmd)) == 1)
    parsed.commands.push_back(cmd);
  parsed.error = rc;
  return parsed;
}

std::string target_of(const ks_cmd& cmd) {
  return {cmd.target, cmd.target_len};
}

const std::vector<std::string>& retval_inputs() {
  static const std::vector<std::string> inputs = {"0",
                                                  "-0",
                                                  "1",
                                                  "-1",
                                                  "22",
                                                  "0x10",
                                                  "0X10",
                                                  "-0x16",
                                                  "0xdeadBEEF",
                                                  "0x0010",
                                                  "9223372036854775807",
                                                  "-9223372036854775808",
                                                  "9223372036854775808",
                                                  "-9223372036854775809",
                                                  "0x7fffffffffffffff",
                                                  "0x8000000000000000",
                                                  "-0x8000000000000000",
                                                  "-0x8000000000000001",
                                                  "",
                                                  "-",
                                                  "+1",
                                                  "007",
                                                  "-01",
                                                  "00",
                                                  "0x",
                                                  "-0x",
                                                  "0xg",
                                                  "1e3",
                                                  "1.5",
                                                  " 1",
                                                  "1 ",
                                                  "--1",
                                                  "0b1",
                                                  "EPERM",
                                                  "-EPERM",
                                                  "١"};
  return inputs;
}

const std::vector<std::string>& target_inputs() {
  static const std::vector<std::string> inputs = {"f",
                                                  "af_alg_sendmsg",
                                                  "f.isra.0",
                                                  "ax25:ax25_create",
                                                  "nf-x_y:f",
                                                  std::string(511, 'a'),
                                                  std::string(512, 'a'),
                                                  std::string(55, 'm') + ":f",
                                                  std::string(56, 'm') + ":f",
                                                  std::string(55, 'm') + ":" +
                                                      std::string(511, 'a'),
                                                  "",
                                                  ":",
                                                  "m:",
                                                  ":f",
                                                  "a:b:c",
                                                  "a-b",
                                                  "m.x:f",
                                                  "f*",
                                                  "f g",
                                                  "f\t",
                                                  "f\n",
                                                  std::string("f\0g", 3),
                                                  "f\xc3\xa9"};
  return inputs;
}

TEST(KsParseRetval, Table) {
  const std::pair<const char*, long long> good[] = {
      {"0", 0},
      {"-1", -1},
      {"0x10", 16},
      {"-0x16", -22},
      {"9223372036854775807", INT64_MAX},
      {"-9223372036854775808", INT64_MIN}};
  for (const auto& [text, value] : good) {
    long long v = 42;
    EXPECT_EQ(c_retval(text, &v), 0) << text;
    EXPECT_EQ(v, value) << text;
  }
  for (const char* bad :
       {"", "-", "+1", "007", "0x", "1e3", "9223372036854775808", "EPERM"}) {
    long long v = 42;
    EXPECT_EQ(c_retval(bad, &v), -EINVAL) << bad;
  }
}

TEST(KsParseTarget, Table) {
  size_t module_len = 99;
  EXPECT_EQ(c_target("f", &module_len), 0);
  EXPECT_EQ(module_len, 0U);
  EXPECT_EQ(c_target("ax25:f", &module_len), 0);
  EXPECT_EQ(module_len, 4U);
  for (const char* bad : {"", ":f", "m:", "a b", "a:b:c", "m.x:f"})
    EXPECT_EQ(c_target(bad, &module_len), -EINVAL) << bad;
}

TEST(KsFoldModule, DashesBecomeUnderscoresInTheModulePartOnly) {
  std::string target = "nf-tables-x:a_b";
  ks_fold_module(target.data(), 11);
  EXPECT_EQ(target, "nf_tables_x:a_b");
  std::string plain = "a-b";
  ks_fold_module(plain.data(), 0);
  EXPECT_EQ(plain, "a-b");
}

TEST(KsParseNext, CommandsAndBlanks) {
  auto p = c_parse_all("\n engage\tf -0x16 \r\n\ndisengage m:g\ndisengage_all");
  EXPECT_EQ(p.error, 0);
  ASSERT_EQ(p.commands.size(), 3U);
  EXPECT_EQ(p.commands[0].verb, KS_VERB_ENGAGE);
  EXPECT_EQ(target_of(p.commands[0]), "f");
  EXPECT_EQ(p.commands[0].retval, -22);
  EXPECT_EQ(p.commands[1].verb, KS_VERB_DISENGAGE);
  EXPECT_EQ(p.commands[1].module_len, 1U);
  EXPECT_EQ(p.commands[2].verb, KS_VERB_DISENGAGE_ALL);

  EXPECT_EQ(c_parse_all(" \t\r\n\n").commands.size(), 0U);
}

TEST(KsParseNext, TryengageTakesSeconds) {
  auto p = c_parse_all("tryengage f -1 0\ntryengage f -1 86400\n");
  EXPECT_EQ(p.error, 0);
  ASSERT_EQ(p.commands.size(), 2U);
  EXPECT_EQ(p.commands[0].verb, KS_VERB_TRYENGAGE);
  EXPECT_EQ(p.commands[0].seconds, 0U);
  EXPECT_EQ(p.commands[1].seconds, 86400U);
  for (const char* bad :
       {"tryengage f -1", "tryengage f -1 86401", "tryengage f -1 030",
        "tryengage f -1 -1", "tryengage f -1 1 2"})
    EXPECT_EQ(c_parse_all(bad).error, -EINVAL) << bad;
}

TEST(KsParseNext, MalformedLines) {
  for (const char* bad : {"engage f", "engage f 1 2", "Engage f 1", "disengage",
                          "disengage f g", "disengage_all x", "engage f 007",
                          "engage :f 1", "frobnicate", "engage f 1\nbogus\n"}) {
    EXPECT_EQ(c_parse_all(bad).error, -EINVAL) << bad;
  }
  EXPECT_EQ(c_parse_all(std::string_view("engage f\0 1", 11)).error, -EINVAL);
}

// How a whole write parses: the number of commands, or the errno.
int parse_result(std::string_view buf) {
  const auto p = c_parse_all(buf);
  return p.error ? p.error : static_cast<int>(p.commands.size());
}

std::string repeated(size_t n, std::string_view piece) {
  std::string out;
  for (size_t i = 0; i < n; ++i)
    out += piece;
  return out;
}

// The parser's half of tests/vm/scenarios/20-hostile-input.sh, which sends
// the same inputs through the real control file; keep the two lists in
// step.  What only the kernel can answer (ENOENT, EBUSY, EACCES, E2BIG,
// offsets, the 4096-command limit) is left to the VM.
struct HostileCase {
  const char* what;
  std::string input;
  int result; // commands parsed, or -EINVAL
};

std::vector<HostileCase> hostile_cases() {
  using namespace std::string_literals;
  std::vector<HostileCase> cases = {
      // Blank writes are no-ops.
      {"empty write", "", 0},
      {"lone newline", "\n", 0},
      {"only spaces", "    ", 0},
      {"only tabs", "\t\t", 0},
      {"lone CR", "\r", 0},
      {"blank lines of spaces, tabs, CRs", " \t\r\n\n\t \r\n", 0},
      {"4096 newlines", std::string(4096, '\n'), 0},
      // A NUL anywhere.
      {"NUL inside a command", "engage f\0 1"s, -EINVAL},
      {"NUL after a command", "engage f 1\0"s, -EINVAL},
      {"NUL alone", "\0"s, -EINVAL},
      {"NUL on a later line", "engage f 1\n\0\n"s, -EINVAL},
      // Bytes outside the character sets.
      {"0xff in the symbol", "engage f\xff 1", -EINVAL},
      {"UTF-8 in the symbol", "engage f\xc3\xa9 1", -EINVAL},
      {"invalid UTF-8 as the symbol", "engage \xc3\x28 1", -EINVAL},
      {"high byte in the verb", "\x80"s + "engage f 1", -EINVAL},
      {"vertical tab separator", "engage\vf 1", -EINVAL},
      {"form feed separator", "engage\ff 1", -EINVAL},
      {"escape sequence in the retval", "engage f \x1b[31m1", -EINVAL},
      // Lengths.
      {"5000-character symbol", "engage " + std::string(5000, 'a') + " 1",
       -EINVAL},
      {"512-character symbol", "engage " + std::string(512, 'a') + " 1",
       -EINVAL},
      {"511-character symbol", "engage " + std::string(511, 'a') + " 1", 1},
      {"56-character module", "engage " + std::string(56, 'm') + ":f 1",
       -EINVAL},
      {"55-character module", "engage " + std::string(55, 'm') + ":f 1", 1},
      {"4096 bytes of one word", std::string(4096, 'x'), -EINVAL},
      {"65536 bytes of one word", std::string(65536, 'x'), -EINVAL},
      {"blanks, then a bad word", std::string(65530, ' ') + "bogus", -EINVAL},
      {"command padded to 4096 bytes", "engage f 5" + std::string(4086, ' '),
       1},
      {"command padded to 65536 bytes", std::string(65526, ' ') + "engage f 5",
       1},
      // Retvals and seconds.
      {"empty retval", "engage f ", -EINVAL},
      {"tryengage without seconds", "tryengage f 1", -EINVAL},
      // Arguments.
      {"engage, one word too many", "engage f 1 2", -EINVAL},
      {"tryengage, one word too many", "tryengage f 1 2 3", -EINVAL},
      {"observe, one word too many", "observe f 1 2", -EINVAL},
      {"disengage of two targets", "disengage f g", -EINVAL},
      {"disengage_all with an argument", "disengage_all now", -EINVAL},
      {"engage alone", "engage", -EINVAL},
      {"engage without a retval", "engage f", -EINVAL},
      {"observe without seconds", "observe f", -EINVAL},
      {"disengage alone", "disengage", -EINVAL},
      // Names.
      {"space inside the symbol", "engage ks_target value 1", -EINVAL},
      {"slash", "engage ks_target/f 1", -EINVAL},
      {"relative path", "engage ../control 1", -EINVAL},
      {"absolute path", "engage /proc/ks_target 1", -EINVAL},
      {"'..' is made of symbol characters", "engage .. 1", 1},
      {"'.' likewise", "engage . 1", 1},
      {"empty module", "engage :f 1", -EINVAL},
      {"empty symbol", "engage m: 1", -EINVAL},
      {"both parts empty", "engage : 1", -EINVAL},
      {"two colons", "engage a:b:c 1", -EINVAL},
      {"dot in the module", "engage ks.target:f 1", -EINVAL},
      {"disengage of an empty module", "disengage :f", -EINVAL},
      // Batches: the parser refuses a bad line anywhere; which commands
      // may share a write is ks_control.c's question.
      {"malformed third line", "engage f 1\nengage m:f 2\nengage b@d 3",
       -EINVAL},
      {"forged log line", "engage f 1\nkillswitch: engage forged 0", -EINVAL},
      {"4096 disengage lines", repeated(4096, "disengage f\n"), 4096},
      // What is accepted.
      {"no trailing newline", "engage f 5", 1},
      {"CRLF", "engage f 5\r\n", 1},
      {"tabs and blanks around words", "\t engage\t\tf \t5 \t", 1},
      {"blank lines around", "\n\r\n  engage f 5\n\n", 1},
      {"batch of two", "engage f 1\nengage m:g 2\n", 2},
      {"observe for 0 seconds", "observe f 0", 1},
      // The parser also takes a CR between words; the interface document
      // speaks only of a CR around a line.
      {"CR between words", "engage\rf\r9", 1},
  };
  for (const char* v : {"99999999999999999999",
                        "9223372036854775808",
                        "-9223372036854775809",
                        "0x10000000000000000",
                        "-0x8000000000000001",
                        "+5",
                        "--1",
                        "-+1",
                        "1e3",
                        "0x",
                        "-0x",
                        "0xg",
                        "007",
                        "-01",
                        "00",
                        "0b1",
                        "1.5",
                        "1,",
                        "0x1_0",
                        "EPERM",
                        "-EPERM",
                        "one"})
    cases.push_back({"refused retval", std::string("engage f ") + v, -EINVAL});
  for (const char* v : {"86401", "-1", "0x10", "01", "1.5"})
    cases.push_back(
        {"refused seconds", std::string("observe f ") + v, -EINVAL});
  for (const char* verb :
       {"Engage", "ENGAGE", "eNGAGE", "Disengage", "DISENGAGE", "TryEngage",
        "OBSERVE", "engage_all", "disengage-all", "enable", "engaged",
        "#engage", "-engage"})
    cases.push_back({"refused verb", std::string(verb) + " f 1", -EINVAL});
  for (const char* verb : {"DISENGAGE_ALL", "Disengage_all"})
    cases.push_back({"refused verb", verb, -EINVAL});
  for (const char* sym :
       {"$(reboot)", "`id`", "a;b",    "a|b",  "a&b", "a>b", "a<b",
        "f*",        "f?",   "~f",     "f'",   "f\"", "f\\", "f!",
        "f#",        "f%",   "f{a,b}", "f[0]", "f=1", "f@g", "f+g"})
    cases.push_back(
        {"shell metacharacter", std::string("engage ") + sym + " 1", -EINVAL});
  return cases;
}

TEST(KsParseNext, HostileInputs) {
  const auto cases = hostile_cases();
  EXPECT_GE(cases.size(), 40U);
  for (const auto& c : cases) {
    const auto shown = c.input.size() > 60
                           ? c.input.substr(0, 60) + "...(" +
                                 std::to_string(c.input.size()) + " bytes)"
                           : c.input;
    EXPECT_EQ(parse_result(c.input), c.result)
        << c.what << ": '" << shown << "'";
  }
}

TEST(KsParseNext, HostileInputsAcceptedValues) {
  const std::pair<const char*, long long> values[] = {
      {"engage f -0", 0},
      {"engage f -9223372036854775808", INT64_MIN},
      {"engage f -0x8000000000000000", INT64_MIN},
      {"engage f 0X7FFFFFFFFFFFFFFF", INT64_MAX},
      {"engage f 0x0010", 16}};
  for (const auto& [line, value] : values) {
    const auto p = c_parse_all(line);
    ASSERT_EQ(p.error, 0) << line;
    ASSERT_EQ(p.commands.size(), 1U) << line;
    EXPECT_EQ(p.commands[0].retval, value) << line;
  }
  const std::string line = "engage " + std::string(55, 'm') + ":.. 1";
  const auto p = c_parse_all(line);
  ASSERT_EQ(p.commands.size(), 1U);
  EXPECT_EQ(p.commands[0].module_len, 55U);
  EXPECT_EQ(target_of(p.commands[0]), std::string(55, 'm') + ":..");
}

// The tool refuses exactly what the kernel refuses, and reads the same
// value from what both accept.
TEST(ToolMatchesKernel, Retval) {
  for (const auto& text : retval_inputs()) {
    long long c_value = 0;
    const bool c_ok = c_retval(text, &c_value) == 0;
    auto cpp = retval::parse_number(text);
    ASSERT_EQ(cpp.ok(), c_ok) << "'" << text << "'";
    if (c_ok) {
      EXPECT_EQ(*cpp, c_value) << text;
    }
  }
}

// The engage= parameter (ks_errno.c) takes every errno name the tool
// takes, for the same value, with or without the minus sign.
TEST(ToolMatchesKernel, ErrnoNames) {
  for (const auto& e : retval::errno_names()) {
    std::vector<std::string> texts = {std::string(e.name), "-"};
    texts[1].append(e.name);
    for (const auto& text : texts) {
      long long value = 0;
      ASSERT_EQ(ks_parse_errno(text.data(), text.size(), &value), 0) << text;
      EXPECT_EQ(value, -e.value) << text;
    }
  }
}

TEST(KsParseErrno, RefusesWhatIsNoName) {
  for (const std::string_view text :
       {"", "-", "--EPERM", "eperm", "EPERM ", " EPERM", "EPER", "EPERMS",
        "+EPERM", "1", "E"}) {
    long long value = 7;
    EXPECT_EQ(ks_parse_errno(text.data(), text.size(), &value), -EINVAL)
        << "'" << text << "'";
    EXPECT_EQ(value, 7) << "'" << text << "'";
  }
}

TEST(ToolMatchesKernel, Target) {
  for (const auto& text : target_inputs()) {
    size_t module_len = 0;
    const bool c_ok = c_target(text, &module_len) == 0;
    auto cpp = symbols::parse_symbol_name(text);
    ASSERT_EQ(cpp.ok(), c_ok) << "'" << text << "'";
    if (c_ok) {
      EXPECT_EQ(cpp->module.size(), module_len) << text;
      std::string folded(text);
      ks_fold_module(folded.data(), module_len);
      EXPECT_EQ(cpp->to_string(), folded) << text;
    }
  }
}

// Every line the tool writes parses, in the kernel, to the same command.
TEST(ToolMatchesKernel, FormattedCommandsRoundTrip) {
  using kernel_iface::Command;
  const Command commands[] = {
      Command::engage({"", "af_alg_sendmsg"}, -1),
      Command::engage({"ax25", "ax25_create"}, INT64_MIN),
      Command::engage({"", std::string(511, 'a')}, INT64_MAX),
      Command::disengage({"m-1", "f.cold"}),
      Command::disengage_all(),
  };
  for (const auto& command : commands) {
    const auto line = kernel_iface::format_command(command);
    const auto p = c_parse_all(line);
    ASSERT_EQ(p.error, 0) << line;
    ASSERT_EQ(p.commands.size(), 1U) << line;
    const auto& cmd = p.commands[0];
    EXPECT_EQ(cmd.verb, to_ks_verb(command.verb));
    if (command.verb == kernel_iface::Verb::disengage_all)
      continue;
    EXPECT_EQ(target_of(cmd), command.target.to_string());
    EXPECT_EQ(cmd.module_len, command.target.module.size());
    EXPECT_EQ(cmd.retval, command.retval);
  }
}

} // namespace
} // namespace killswitch
