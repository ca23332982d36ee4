#include <gtest/gtest.h>

#include "commands/duration.h"

namespace killswitch::commands {
namespace {

TEST(Duration, UnitsAndPlainSeconds) {
  EXPECT_EQ(*parse_duration("30"), 30);
  EXPECT_EQ(*parse_duration("30s"), 30);
  EXPECT_EQ(*parse_duration("2m"), 120);
  EXPECT_EQ(*parse_duration("1h"), 3600);
  EXPECT_EQ(*parse_duration("24h"), 86400);
  EXPECT_EQ(*parse_duration("86400s"), 86400);
  EXPECT_EQ(*parse_duration("1440m"), 86400);
}

TEST(Duration, RefusesWhatIsNotADuration) {
  for (const char* bad :
       {"", "s", "m", "-5s", "+5s", "5 s", " 5s", "5sec", "5d", "1.5m", "0x10",
        "5S", "ms", "5ms", "99999999999999999999"}) {
    auto r = parse_duration(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, EINVAL) << bad;
    EXPECT_NE(r.error().message.find("expected a number"), std::string::npos)
        << bad;
  }
}

TEST(Duration, RefusesOutOfRange) {
  for (const char* bad : {"0", "0s", "0m", "86401", "86401s", "1441m", "25h",
                          "18446744073709551615", "18446744073709551615h"}) {
    auto r = parse_duration(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_NE(r.error().message.find("1s..86400s"), std::string::npos) << bad;
  }
}

} // namespace
} // namespace killswitch::commands
