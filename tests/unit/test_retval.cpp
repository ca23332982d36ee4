#include <cstdint>
#include <limits>

#include <gtest/gtest.h>

#include "expect_refused.h"
#include "retval/retval.h"

namespace killswitch::retval {
namespace {

using killswitch::testing::BadInput;
using killswitch::testing::refused_with;

constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
constexpr auto kMax = std::numeric_limits<std::int64_t>::max();

struct Good {
  const char* text;
  std::int64_t value;
};

TEST(ParseRetval, AcceptsNumbersAndErrnoNames) {
  const Good cases[] = {
      {"0", 0},
      {"-0", 0},
      {"22", 22},
      {"-1", -1},
      {"0x10", 16},
      {"0XfF", 255},
      {"-0x16", -22},
      {"0x0010", 16},
      {"9223372036854775807", kMax},
      {"-9223372036854775808", kMin},
      {"0x7fffffffffffffff", kMax},
      {"-0x8000000000000000", kMin},
      {"EPERM", -1},
      {"-EPERM", -1},
      {"-EINVAL", -22},
      {"ENOTSUPP", -524},
      {"EWOULDBLOCK", -11},
  };
  for (const auto& c : cases) {
    auto r = parse_retval(c.text);
    ASSERT_TRUE(r) << c.text << ": " << r.error().message;
    EXPECT_EQ(*r, c.value) << c.text;
  }
}

TEST(ParseRetval, RefusesWithAReason) {
  const BadInput cases[] = {
      {"", "empty"},
      {"-", "no digits"},
      {"+1", "'+'"},
      {"007", "leading zeros"},
      {"-01", "leading zeros"},
      {"0x", "no digits"},
      {"-0x", "no digits"},
      {"0xg", "not a hex number"},
      {"1e3", "not a decimal number"},
      {"1.0", "not a decimal number"},
      {" 1", "not a decimal number"},
      {"1 ", "not a decimal number"},
      {"9223372036854775808", "64-bit"},
      {"-9223372036854775809", "64-bit"},
      {"0x8000000000000000", "64-bit"},
      {"0x10000000000000000", "64-bit"},
      {"EFOO", "errno name"},
      {"eperm", "upper case"},
      {"--EPERM", "not a decimal number"},
      {"+EPERM", "'+'"},
      {"-EPERM ", "errno name"},
  };
  for (const auto& c : cases)
    EXPECT_TRUE(refused_with(parse_retval(c.text), c.reason)) << c.text;
}

TEST(ParseNumber, RefusesErrnoNames) {
  EXPECT_FALSE(parse_number("EPERM"));
  EXPECT_FALSE(parse_number("-EPERM"));
}

TEST(ErrnoLabel, NamesNegativeErrnos) {
  EXPECT_EQ(errno_label(-1), "-EPERM");
  EXPECT_EQ(errno_label(-11), "-EAGAIN");
  EXPECT_EQ(errno_label(-524), "-ENOTSUPP");
  EXPECT_FALSE(errno_label(0));
  EXPECT_FALSE(errno_label(1));
  EXPECT_FALSE(errno_label(-520));
  EXPECT_FALSE(errno_label(-4096));
  EXPECT_FALSE(errno_label(kMin));
}

} // namespace
} // namespace killswitch::retval
