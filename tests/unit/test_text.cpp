#include <gtest/gtest.h>

#include "util/text.h"

namespace killswitch::util {
namespace {

using Words = std::vector<std::string_view>;

TEST(SplitWords, RunsOfBlanksSeparate) {
  EXPECT_EQ(split_words("  a \t bb c  "), (Words{"a", "bb", "c"}));
  EXPECT_EQ(split_words(""), Words{});
  EXPECT_EQ(split_words(" \t "), Words{});
}

TEST(SplitLines, FinalLineWithoutNewlineCounts) {
  EXPECT_EQ(split_lines("a\nb"), (Words{"a", "b"}));
  EXPECT_EQ(split_lines("a\n\nb\n"), (Words{"a", "", "b"}));
  EXPECT_EQ(split_lines(""), Words{});
}

TEST(Trim, StripsBlanksCrAndNewlines) {
  EXPECT_EQ(trim(" \t1\r\n"), "1");
  EXPECT_EQ(trim("\n\n"), "");
  EXPECT_EQ(trim("a b"), "a b");
}

TEST(ParseU64, AcceptsWholeDecimals) {
  EXPECT_EQ(parse_u64("0"), 0U);
  EXPECT_EQ(parse_u64("18446744073709551615"), UINT64_MAX);
}

TEST(ParseU64, RefusesEverythingElse) {
  for (const char* bad :
       {"", "-1", "+1", " 1", "1 ", "1x", "0x10", "18446744073709551616"})
    EXPECT_FALSE(parse_u64(bad)) << bad;
}

} // namespace
} // namespace killswitch::util
