#include <gtest/gtest.h>

#include "kernel_iface/taint.h"

namespace killswitch::kernel_iface {
namespace {

TEST(TaintFlag, ZeroOrOne) {
  EXPECT_EQ(*parse_taint_flag("0\n"), false);
  EXPECT_EQ(*parse_taint_flag("1"), true);
}

TEST(TaintFlag, RefusesAnythingElse) {
  for (const char* bad : {"", "\n", "2", "01", "yes", "1 1"}) {
    auto r = parse_taint_flag(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_NE(r.error().message.find("expected 0 or 1"), std::string::npos);
  }
}

TEST(TaintMask, ReadsTheMaskAndBit20) {
  auto r = parse_taint_mask("1048576\n");
  ASSERT_TRUE(r);
  EXPECT_TRUE(has_killswitch_taint(*r));
  EXPECT_FALSE(has_killswitch_taint(*parse_taint_mask("4097")));
  EXPECT_TRUE(has_killswitch_taint((1U << 20) | 1U));
}

TEST(TaintMask, RefusesNonDecimal) {
  for (const char* bad : {"", "-1", "0x100000", "1 2", "abc"}) {
    auto r = parse_taint_mask(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_NE(r.error().message.find("decimal mask"), std::string::npos);
  }
}

} // namespace
} // namespace killswitch::kernel_iface
