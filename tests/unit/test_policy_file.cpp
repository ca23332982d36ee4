#include <gtest/gtest.h>

#include "policy/policy_file.h"

namespace killswitch::policy {
namespace {

using namespace std::chrono;

constexpr const char* kFile = "/etc/killswitch.d/10-test.conf";

ParsedFile parse(std::string_view text) {
  return parse_policy_file(text, kFile);
}

// The problems' messages, one per line, for compact expectations.
std::string problems(const ParsedFile& f) {
  std::string out;
  for (const auto& p : f.problems)
    out += p.where + ": " + p.message + "\n";
  return out;
}

TEST(PolicyFile, AFullEntry) {
  auto f = parse(R"(# a comment
[[engage]]
target = "af_alg_sendmsg"
retval = "-EPERM"
id = "CVE-2026-31431"
reason = "AF_ALG page cache write"
fixed_in = ["6.1.130", "6.12.20"]
affects = [">=6.1, <6.1.130"]
expires = 2026-12-31
force = true
)");
  EXPECT_EQ(problems(f), "");
  ASSERT_EQ(f.entries.size(), 1u);
  const auto& e = f.entries[0];
  EXPECT_EQ(e.target.to_string(), "af_alg_sendmsg");
  EXPECT_EQ(e.retval, -1);
  EXPECT_EQ(e.id, "CVE-2026-31431");
  EXPECT_EQ(e.reason, "AF_ALG page cache write");
  ASSERT_EQ(e.guards.fixed_in.size(), 2u);
  EXPECT_EQ(e.guards.fixed_in[1].to_string(), "6.12.20");
  ASSERT_EQ(e.guards.affects.size(), 1u);
  EXPECT_EQ(e.guards.affects[0].text, ">=6.1, <6.1.130");
  EXPECT_EQ(e.expires, year(2026) / December / 31);
  EXPECT_TRUE(e.force);
  EXPECT_EQ(e.source, kFile);
  EXPECT_EQ(e.index, 1u);
  EXPECT_EQ(e.line, 2u);
}

TEST(PolicyFile, MinimalEntriesAndValueForms) {
  auto f = parse(R"(
[[engage]]
target = "vsock:vsock_connect"
retval = -22
id = "A"
reason = "r"

[[engage]]
target = "f"
retval = "0x10"
id = "B"
reason = "r"
expires = "2026-01-31"

[[engage]]
target = "g"
retval = "EINVAL"
id = "C"
reason = "r"
)");
  EXPECT_EQ(problems(f), "");
  ASSERT_EQ(f.entries.size(), 3u);
  EXPECT_EQ(f.entries[0].target.module, "vsock");
  EXPECT_EQ(f.entries[0].retval, -22);
  EXPECT_FALSE(f.entries[0].force);
  EXPECT_FALSE(f.entries[0].expires);
  EXPECT_TRUE(f.entries[0].guards.empty());
  EXPECT_EQ(f.entries[1].retval, 16);
  EXPECT_EQ(f.entries[1].expires, year(2026) / January / 31);
  EXPECT_EQ(f.entries[2].retval, -22);
  EXPECT_EQ(f.entries[2].index, 3u);
}

TEST(PolicyFile, EmptyAndCommentOnlyFilesHaveNoEntries) {
  for (const char* text : {"", "\n", "# masked\n"}) {
    auto f = parse(text);
    EXPECT_EQ(problems(f), "") << text;
    EXPECT_TRUE(f.entries.empty());
  }
}

TEST(PolicyFile, NotTomlIsOneProblemNamingTheLine) {
  auto f = parse("[[engage]]\ntarget = \"f\"\nretval = \n");
  EXPECT_TRUE(f.entries.empty());
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].where, std::string(kFile) + ":3");
}

TEST(PolicyFile, ABadEntryDoesNotStopTheOthers) {
  auto f = parse(R"([[engage]]
target = "good1"
retval = -1
id = "A"
reason = "r"

[[engage]]
target = "bad target"
retval = "EFOO"
id = "B"
reason = "r"

[[engage]]
target = "good2"
retval = 0
id = "C"
reason = "r"
)");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].target.symbol, "good1");
  EXPECT_EQ(f.entries[1].target.symbol, "good2");
  EXPECT_EQ(f.entries[1].index, 3u);
  // Both bad keys of entry 2 are reported, each with its own line.
  const auto text = problems(f);
  EXPECT_NE(text.find(std::string(kFile) + ":8: entry 2: invalid symbol"),
            std::string::npos)
      << text;
  EXPECT_NE(
      text.find(std::string(kFile) + ":9: entry 2: invalid RETVAL 'EFOO'"),
      std::string::npos)
      << text;
  EXPECT_EQ(f.problems.size(), 2u);
}

TEST(PolicyFile, EveryMalformedKey) {
  const std::pair<const char*, const char*> cases[] = {
      {"retval = -1\nid = \"A\"\nreason = \"r\"", "no target"},
      {"target = \"f\"\nid = \"A\"\nreason = \"r\"", "no retval"},
      {"target = \"f\"\nretval = 0\nreason = \"r\"", "no id"},
      {"target = \"f\"\nretval = 0\nid = \"A\"", "no reason"},
      {"target = 5\nretval = 0\nid = \"A\"\nreason = \"r\"",
       "target must be a string"},
      {"target = \"f\"\nretval = 1.5\nid = \"A\"\nreason = \"r\"",
       "retval must be an integer or a string"},
      {"target = \"f\"\nretval = \"007\"\nid = \"A\"\nreason = \"r\"",
       "leading zeros"},
      {"target = \"f\"\nretval = 0\nid = \"\"\nreason = \"r\"",
       "id must be a non-empty string"},
      {"target = \"f\"\nretval = 0\nid = \"A\"\nreason = 1",
       "reason must be a non-empty string"},
      {"target = \"f\"\nretval = 0\nid = \"A\"\nreason = \"r\"\n"
       "fixed_in = \"6.1.130\"",
       "fixed_in must be an array of strings"},
      {"target = \"f\"\nretval = 0\nid = \"A\"\nreason = \"r\"\n"
       "fixed_in = [6.1]",
       "fixed_in must be an array of strings"},
      {"target = \"f\"\nretval = 0\nid = \"A\"\nreason = \"r\"\n"
       "fixed_in = [\"6.1.0-57-amd64\"]",
       "fixed_in: invalid kernel version '6.1.0-57-amd64'"},
      {"target = \"f\"\nretval = 0\nid = \"A\"\nreason = \"r\"\n"
       "affects = [\"6.1\"]",
       "affects: in range '6.1'"},
      {"target = \"f\"\nretval = 0\nid = \"A\"\nreason = \"r\"\n"
       "expires = \"tomorrow\"",
       "expires: invalid date 'tomorrow'"},
      {"target = \"f\"\nretval = 0\nid = \"A\"\nreason = \"r\"\n"
       "expires = 2026-06-30T10:00:00",
       "expires must be a date"},
      {"target = \"f\"\nretval = 0\nid = \"A\"\nreason = \"r\"\n"
       "force = \"yes\"",
       "force must be true or false"},
      {"target = \"f\"\nretval = 0\nid = \"A\"\nreason = \"r\"\n"
       "fixedin = [\"6.1.130\"]",
       "unknown key 'fixedin'"},
  };
  for (const auto& [body, want] : cases) {
    auto f = parse(std::string("[[engage]]\n") + body + "\n");
    EXPECT_TRUE(f.entries.empty()) << body;
    EXPECT_NE(problems(f).find(want), std::string::npos)
        << "want '" << want << "' in:\n"
        << problems(f);
  }
}

TEST(PolicyFile, WrongShapes) {
  auto single = parse("[engage]\ntarget = \"f\"\n");
  EXPECT_TRUE(single.entries.empty());
  EXPECT_NE(problems(single).find("engage must be written [[engage]]"),
            std::string::npos);

  auto other = parse("[[mitigation]]\ntarget = \"f\"\n");
  EXPECT_NE(problems(other).find("unknown key 'mitigation'"),
            std::string::npos);

  auto empty = parse("engage = []\n");
  EXPECT_NE(problems(empty).find("engage must be written [[engage]]"),
            std::string::npos);
}

} // namespace
} // namespace killswitch::policy
