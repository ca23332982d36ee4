#include <gtest/gtest.h>

#include "policy/cmdline.h"

namespace killswitch::policy {
namespace {

std::string targets(const CmdlineEntries& c) {
  std::string out;
  for (const auto& e : c.entries)
    out += e.target.to_string() + "=" + std::to_string(e.retval) + " ";
  return out;
}

TEST(ParseCmdline, UpstreamSyntax) {
  auto c =
      parse_cmdline("BOOT_IMAGE=/vmlinuz-6.1.0-57-amd64 root=/dev/vda ro "
                    "killswitch=af_alg_sendmsg=-1,vsock_connect=0 quiet\n");
  EXPECT_TRUE(c.problems.empty());
  EXPECT_EQ(targets(c), "af_alg_sendmsg=-1 vsock_connect=0 ");
  EXPECT_EQ(c.entries[0].source, "/proc/cmdline");
  EXPECT_EQ(c.entries[1].index, 2u);
  EXPECT_TRUE(c.entries[0].id.empty());
}

TEST(ParseCmdline, ModuleTargetsErrnoNamesAndHex) {
  auto c = parse_cmdline("killswitch=af_alg:af_alg_sendmsg=EPERM,f=-EINVAL,"
                         "g=0x10");
  EXPECT_TRUE(c.problems.empty());
  EXPECT_EQ(targets(c), "af_alg:af_alg_sendmsg=-1 f=-22 g=16 ");
}

TEST(ParseCmdline, EveryOccurrenceAndQuotes) {
  auto c = parse_cmdline("killswitch=a=1 \"killswitch=b=2\" "
                         "killswitch=\"c=3,d=4\" x=\"killswitch=e=5\"");
  EXPECT_TRUE(c.problems.empty());
  EXPECT_EQ(targets(c), "a=1 b=2 c=3 d=4 ");
}

TEST(ParseCmdline, OtherParametersAreNotOurs) {
  auto c = parse_cmdline("killswitch.engage=f=1 killswitchx=f=1 "
                         "akillswitch=f=1 killswitch killswitch=");
  EXPECT_TRUE(c.entries.empty());
  EXPECT_TRUE(c.problems.empty());
}

TEST(ParseCmdline, MalformedEntriesAreSkippedTheRestApply) {
  auto c = parse_cmdline(
      "killswitch=good1=-1,noequals,bad$name=1,f=007,=1,f=EFOO,,good2=0");
  EXPECT_EQ(targets(c), "good1=-1 good2=0 ");
  ASSERT_EQ(c.problems.size(), 6u);
  EXPECT_EQ(c.problems[0].where, "/proc/cmdline");
  EXPECT_EQ(c.problems[0].message,
            "skipped killswitch= entry 'noequals': expected FUNCTION=RETVAL");
  EXPECT_NE(c.problems[1].message.find("'bad$name=1'"), std::string::npos);
  EXPECT_NE(c.problems[2].message.find("leading zeros"), std::string::npos);
  EXPECT_NE(c.problems[5].message.find("entry ''"), std::string::npos);
}

TEST(FormatBootparam, DecimalValuesInPolicyOrder) {
  auto c = parse_cmdline("killswitch=a=EPERM,m:b=0x10");
  EXPECT_EQ(format_bootparam(c.entries), "killswitch=a=-1,m:b=16");
  EXPECT_EQ(format_bootparam({}), "");
  // What it prints reads back the same.
  EXPECT_EQ(targets(parse_cmdline(format_bootparam(c.entries))), targets(c));
}

} // namespace
} // namespace killswitch::policy
