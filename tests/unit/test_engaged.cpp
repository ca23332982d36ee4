#include <gtest/gtest.h>

#include "expect_refused.h"
#include "kernel_iface/engaged.h"

namespace killswitch::kernel_iface {
namespace {

using killswitch::testing::BadInput;
using killswitch::testing::refused_with;

TEST(ParseEngaged, EmptyFileMeansNothingEngaged) {
  auto r = parse_engaged("");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->empty());
}

TEST(ParseEngaged, ReadsEveryLine) {
  auto r = parse_engaged("af_alg_sendmsg retval=-1 hits=3 state=armed\n"
                         "ax25:ax25_create retval=-22 hits=0\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2U);
  EXPECT_EQ((*r)[0], (Engagement{"af_alg_sendmsg", -1, 3, "armed", {}}));
  EXPECT_EQ((*r)[1], (Engagement{"ax25:ax25_create", -22, 0, "", {}}));
}

TEST(ParseEngaged, KeepsUnknownFieldsInOrder) {
  auto r = parse_engaged("f hits=1 owner=me state=pending retval=0 x=\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1U);
  const auto& e = r->front();
  EXPECT_EQ(e.hits, 1U);
  EXPECT_EQ(e.state, "pending");
  EXPECT_EQ(e.extra, (decltype(e.extra){{"owner", "me"}, {"x", ""}}));
}

TEST(ParseEngaged, ToleratesBlanksAndCr) {
  auto r = parse_engaged("\n  f\tretval=0x10  hits=2 \r\n\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1U);
  EXPECT_EQ(r->front().retval, 16);
}

TEST(ParseEngaged, RefusesMalformedLines) {
  const BadInput cases[] = {
      {"f\n", "line 1: no retval= field"},
      {"f retval=1\n", "no hits= field"},
      {"f hits=1\n", "no retval= field"},
      {"ok retval=1 hits=1\nf retval=1 hits=1 junk\n",
       "line 2: 'junk' is not a key=value field"},
      {"f retval=1 hits=1 =v\n", "'=v' is not a key=value field"},
      {"f retval=1 retval=2 hits=1\n", "retval= given twice"},
      {"f retval=1 hits=1 state=a state=b\n", "state= given twice"},
      {"f retval=x hits=1\n", "invalid number 'x'"},
      {"f retval=007 hits=1\n", "leading zeros"},
      {"f retval=1 hits=-1\n", "not a count: '-1'"},
      {"f retval=1 hits=\n", "not a count: ''"},
  };
  for (const auto& c : cases)
    EXPECT_TRUE(refused_with(parse_engaged(c.text), c.reason)) << c.text;
}

} // namespace
} // namespace killswitch::kernel_iface
