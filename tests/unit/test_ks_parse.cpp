// The module's command parser (kernel/ks_parse.c), built as user-space C:
// its own table tests, and the tool's grammar held to it input for input.

#include <cerrno>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "kernel_iface/command.h"
#include "ks_parse.h"
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

TEST(ToolMatchesKernel, Target) {
  for (const auto& text : target_inputs()) {
    size_t module_len = 0;
    const bool c_ok = c_target(text, &module_len) == 0;
    auto cpp = symbols::parse_symbol_name(text);
    ASSERT_EQ(cpp.ok(), c_ok) << "'" << text << "'";
    if (c_ok) {
      EXPECT_EQ(cpp->module.size(), module_len) << text;
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
