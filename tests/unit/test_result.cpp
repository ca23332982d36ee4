#include <string>

#include <gtest/gtest.h>

#include "util/result.h"

namespace killswitch::util {
namespace {

Result<int> half(int n) {
  if (n % 2 != 0)
    return fail(Error::invalid("odd"));
  return n / 2;
}

TEST(Result, HoldsAValue) {
  auto r = half(8);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 4);
}

TEST(Result, HoldsAnError) {
  auto r = half(3);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, EINVAL);
  EXPECT_EQ(r.error().op, "parse");
  EXPECT_EQ(r.error().message, "odd");
}

TEST(Result, VoidResult) {
  Result<void> ok;
  Result<void> bad = fail(Error::from_code(ENOENT, "open", "/x"));
  EXPECT_TRUE(ok);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "open /x: No such file or directory");
}

TEST(Result, CustomErrorType) {
  Result<std::string, int> r = fail(7);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error(), 7);
}

TEST(ResultDeathTest, AskingForTheWrongSideAborts) {
  EXPECT_DEATH((void)*half(3), "");
  EXPECT_DEATH((void)half(2).error(), "");
  EXPECT_DEATH((void)Result<void>().error(), "");
}

} // namespace
} // namespace killswitch::util
