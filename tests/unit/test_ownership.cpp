#include <gtest/gtest.h>

#include "policy/ownership.h"

namespace killswitch::policy {
namespace {

TEST(Ownership, RoundTrip) {
  const std::vector<Owned> owned = {
      {"af_alg_sendmsg", -1, Origin::policy, "CVE-1", "/etc/killswitch.d/a"},
      {"m:f", 0, Origin::cmdline, "", "/proc/cmdline"},
  };
  auto back = parse_owned(format_owned(owned));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, owned);
  EXPECT_EQ(*parse_owned(format_owned({})), std::vector<Owned>{});
}

TEST(Ownership, OptionalFieldsDefault) {
  auto o =
      parse_owned(R"({"version": 1, "owned": [{"target": "f", "retval": 5}]})");
  ASSERT_TRUE(o);
  ASSERT_EQ(o->size(), 1u);
  EXPECT_EQ((*o)[0], (Owned{"f", 5, Origin::policy, "", ""}));
}

TEST(Ownership, DamagedFilesAreErrorsNotExceptions) {
  for (const char* bad :
       {"", "{", "[]", R"({"owned": []})", R"({"version": 2, "owned": []})",
        R"({"version": "1", "owned": []})", R"({"version": 1})",
        R"({"version": 1, "owned": {}})",
        R"({"version": 1, "owned": [{"target": "f"}]})",
        R"({"version": 1, "owned": [{"target": 1, "retval": 0}]})",
        R"({"version": 1, "owned": [{"target": "f", "retval": "0"}]})"})
    EXPECT_FALSE(parse_owned(bad)) << bad;
}

TEST(Ownership, OptionalFieldsOfTheWrongTypeDefault) {
  auto o = parse_owned(R"({"version": 1, "owned": [{"target": "f",
      "retval": 0, "origin": 7, "id": [], "source": null}]})");
  ASSERT_TRUE(o);
  EXPECT_EQ((*o)[0], (Owned{"f", 0, Origin::policy, "", ""}));
}

} // namespace
} // namespace killswitch::policy
