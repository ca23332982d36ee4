#include <gtest/gtest.h>

#include "expect_refused.h"
#include "policy/version.h"

namespace killswitch::policy {
namespace {

using killswitch::testing::refused_with;

KernelVersion v(std::string_view text) {
  auto parsed = parse_version(text);
  EXPECT_TRUE(parsed) << text;
  return parsed ? *parsed : KernelVersion{};
}

TEST(ParseVersion, AcceptsPolicySpellings) {
  EXPECT_EQ(v("6.1.130"), (KernelVersion{6, 1, 130, 0}));
  EXPECT_EQ(v("6.12"), (KernelVersion{6, 12, 0, 0}));
  EXPECT_EQ(v("6.14-rc3"), (KernelVersion{6, 14, 0, 3}));
  EXPECT_EQ(v("6.14.0-rc3"), (KernelVersion{6, 14, 0, 3}));
  EXPECT_EQ(v("5.10.0"), (KernelVersion{5, 10, 0, 0}));
}

TEST(ParseVersion, RefusesEverythingElse) {
  for (const char* bad : {"", "6", "6.", "6.1.", "v6.1", "6.01",
                          "6.1.0-57-amd64", "6.1.2.3", "6.1.1-rc2", "6.14-rc0",
                          "6.14-rc", " 6.1", "6.1 ", "6.x", "99999999999.1"})
    EXPECT_TRUE(refused_with(parse_version(bad), "invalid kernel version"))
        << bad;
}

TEST(KernelVersion, OrdersReleaseCandidatesBeforeTheirRelease) {
  EXPECT_LT(v("6.14-rc1"), v("6.14-rc3"));
  EXPECT_LT(v("6.14-rc3"), v("6.14"));
  EXPECT_LT(v("6.14"), v("6.14.1"));
  EXPECT_LT(v("6.13.12"), v("6.14-rc1"));
  EXPECT_LT(v("6.1.99"), v("6.1.130"));
  EXPECT_LT(v("6.9.1"), v("6.10"));
  EXPECT_GT(v("7.0"), v("6.99.99"));
  EXPECT_EQ(v("6.12"), v("6.12.0"));
}

TEST(KernelVersion, PrintsItsCanonicalForm) {
  EXPECT_EQ(v("6.12").to_string(), "6.12.0");
  EXPECT_EQ(v("6.14.0-rc3").to_string(), "6.14-rc3");
  EXPECT_EQ(v("6.1.130").to_string(), "6.1.130");
}

TEST(KernelVersion, Branches) {
  EXPECT_TRUE(v("6.1.2").same_branch(v("6.1.130")));
  EXPECT_FALSE(v("6.1.2").same_branch(v("6.12.2")));
  EXPECT_TRUE(v("6.14").mainline());
  EXPECT_TRUE(v("6.14-rc2").mainline());
  EXPECT_FALSE(v("6.14.1").mainline());
}

TEST(LeadingVersion, ReadsDistributionStrings) {
  const std::pair<const char*, KernelVersion> cases[] = {
      {"6.1.0-57-amd64", {6, 1, 0, 0}},
      {"6.12.118+deb12-amd64", {6, 12, 118, 0}},
      {"6.1.192-3", {6, 1, 192, 0}},
      {"6.12.118-1~deb12u1", {6, 12, 118, 0}},
      {"6.14~rc3-1~exp1", {6, 14, 0, 3}},
      {"6.15.0-rc2-amd64", {6, 15, 0, 2}},
      {"6.8.12", {6, 8, 12, 0}},
      {"6.12.3-arch1-1", {6, 12, 3, 0}},
      {"6.12.3-200.fc41.x86_64", {6, 12, 3, 0}},
  };
  for (const auto& [text, want] : cases) {
    auto got = leading_version(text);
    ASSERT_TRUE(got) << text;
    EXPECT_EQ(*got, want) << text;
  }
  EXPECT_FALSE(leading_version("amd64"));
  EXPECT_FALSE(leading_version("6"));
  EXPECT_FALSE(leading_version(""));
}

} // namespace
} // namespace killswitch::policy
