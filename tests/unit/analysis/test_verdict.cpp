#include <gtest/gtest.h>

#include "analysis/verdict.h"

namespace killswitch::analysis {
namespace {

TEST(Verdict, WorstFindingWins) {
  Verdict v;
  EXPECT_EQ(v.level, Level::ok);
  v.add(Level::ok, "note", "n");
  EXPECT_EQ(v.level, Level::ok);
  v.add(Level::warn, "w", "w");
  EXPECT_EQ(v.level, Level::warn);
  v.add(Level::refuse, "r", "r");
  v.add(Level::warn, "w2", "w");
  EXPECT_EQ(v.level, Level::refuse);
  EXPECT_EQ(v.reasons.size(), 4u);
  EXPECT_TRUE(v.has("w2"));
  EXPECT_FALSE(v.has("x"));
}

TEST(Verdict, ExitCodes) {
  EXPECT_EQ(exit_code(Level::ok), 0);
  EXPECT_EQ(exit_code(Level::warn), 10);
  EXPECT_EQ(exit_code(Level::refuse), 11);
}

TEST(Verdict, Names) {
  EXPECT_EQ(level_name(Level::refuse), "REFUSE");
  EXPECT_EQ(level_name(Level::warn), "WARN");
  EXPECT_EQ(level_name(Level::ok), "OK");
  EXPECT_EQ(finding_level_name(Level::ok), "note");
}

} // namespace
} // namespace killswitch::analysis
