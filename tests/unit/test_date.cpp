#include <gtest/gtest.h>

#include "expect_refused.h"
#include "policy/date.h"

namespace killswitch::policy {
namespace {

using killswitch::testing::refused_with;
using namespace std::chrono;

TEST(ParseDate, RealDates) {
  EXPECT_EQ(*parse_date("2026-06-30"), year(2026) / June / 30);
  EXPECT_EQ(*parse_date("2028-02-29"), year(2028) / February / 29);
  EXPECT_EQ(format_date(*parse_date("2026-01-05")), "2026-01-05");
}

TEST(ParseDate, RefusesTheRest) {
  for (const char* bad :
       {"", "2026-6-30", "2026/06/30", "2026-06-31", "2027-02-29", "2026-13-01",
        "2026-00-10", "26-06-30xx", "2026-06-30T00:00", "2026-0a-01"})
    EXPECT_TRUE(refused_with(parse_date(bad), "expected YYYY-MM-DD")) << bad;
}

TEST(TodayUtc, IsAPlausibleDate) {
  const auto today = today_utc();
  EXPECT_TRUE(today.ok());
  EXPECT_GE(today.year(), year(2024));
}

} // namespace
} // namespace killswitch::policy
