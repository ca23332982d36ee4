#include <gtest/gtest.h>

#include "expect_refused.h"
#include "policy/guard.h"

namespace killswitch::policy {
namespace {

using killswitch::testing::refused_with;

KernelVersion v(std::string_view text) {
  return *parse_version(text);
}

Guards fixed_in(std::initializer_list<const char*> versions) {
  Guards g;
  for (const char* text : versions)
    g.fixed_in.push_back(v(text));
  return g;
}

Guards affects(std::initializer_list<const char*> ranges) {
  Guards g;
  for (const char* text : ranges)
    g.affects.push_back(*parse_range(text));
  return g;
}

TEST(ParseRange, Comparisons) {
  auto r = parse_range(" >=6.1, <6.1.130 ");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->text, ">=6.1, <6.1.130");
  ASSERT_EQ(r->bounds.size(), 2u);
  EXPECT_EQ(r->bounds[0], (Bound{Bound::Op::ge, v("6.1")}));
  EXPECT_EQ(r->bounds[1], (Bound{Bound::Op::lt, v("6.1.130")}));

  EXPECT_TRUE(parse_range("<=6.2")->contains(v("6.2")));
  EXPECT_FALSE(parse_range("<6.2")->contains(v("6.2")));
  EXPECT_TRUE(parse_range(">6.2")->contains(v("6.2.1")));
  EXPECT_TRUE(parse_range("=6.12.20")->contains(v("6.12.20")));
  EXPECT_TRUE(parse_range("==6.12.20")->contains(v("6.12.20")));
  EXPECT_FALSE(parse_range("=6.12.20")->contains(v("6.12.21")));
}

TEST(ParseRange, RefusesMalformedRanges) {
  EXPECT_TRUE(refused_with(parse_range(""), "empty range"));
  EXPECT_TRUE(refused_with(parse_range("6.1"), "does not start with"));
  EXPECT_TRUE(refused_with(parse_range(">=6.1,"), "does not start with"));
  EXPECT_TRUE(
      refused_with(parse_range(">=6.1 <6.2"), "invalid kernel version"));
  EXPECT_TRUE(refused_with(parse_range("~6.1"), "does not start with"));
  EXPECT_TRUE(refused_with(parse_range(">=six"), "in range '>=six'"));
}

TEST(Guards, NoGuardsAlwaysApply) {
  auto verdict = evaluate_guards({}, v("6.1.192"));
  EXPECT_TRUE(verdict.applies);
  EXPECT_EQ(verdict.reason, "");
}

TEST(Guards, FixedInTheRunningBranch) {
  const auto g = fixed_in({"6.1.130", "6.12.20"});

  auto fixed = evaluate_guards(g, v("6.1.192"));
  EXPECT_FALSE(fixed.applies);
  EXPECT_EQ(fixed.reason, "fixed in 6.1.130 (running 6.1.192)");
  EXPECT_FALSE(evaluate_guards(g, v("6.1.130")).applies);
  EXPECT_TRUE(evaluate_guards(g, v("6.1.129")).applies);
  EXPECT_FALSE(evaluate_guards(g, v("6.12.118")).applies);
  EXPECT_TRUE(evaluate_guards(g, v("6.12.19")).applies);
}

TEST(Guards, UnlistedBranchesAreNotFixedWithoutAMainlineEntry) {
  const auto g = fixed_in({"6.1.130", "6.12.20"});
  // 6.6 is older than 6.12.20 but never got the fix; 6.13 is newer than
  // every entry, but nothing says mainline had it by then.
  EXPECT_TRUE(evaluate_guards(g, v("6.6.80")).applies);
  EXPECT_TRUE(evaluate_guards(g, v("6.13.5")).applies);
  EXPECT_TRUE(evaluate_guards(g, v("5.10.200")).applies);
}

TEST(Guards, AMainlineEntryCoversLaterBranches) {
  const auto g = fixed_in({"6.1.130", "6.12.20", "6.14"});
  auto later = evaluate_guards(g, v("6.15.2"));
  EXPECT_FALSE(later.applies);
  EXPECT_EQ(later.reason, "fixed in mainline 6.14.0 (running 6.15.2)");
  EXPECT_FALSE(evaluate_guards(g, v("6.14")).applies);
  EXPECT_TRUE(evaluate_guards(g, v("6.14-rc7")).applies);
  EXPECT_TRUE(evaluate_guards(g, v("6.13.5")).applies);

  const auto rc = fixed_in({"6.14-rc3"});
  EXPECT_TRUE(evaluate_guards(rc, v("6.14-rc2")).applies);
  EXPECT_FALSE(evaluate_guards(rc, v("6.14-rc3")).applies);
  EXPECT_FALSE(evaluate_guards(rc, v("6.14.2")).applies);
  EXPECT_FALSE(evaluate_guards(rc, v("6.16")).applies);
}

TEST(Guards, Affects) {
  const auto g = affects({">=6.1, <6.1.130", ">=6.6, <6.12.20"});
  EXPECT_TRUE(evaluate_guards(g, v("6.1.100")).applies);
  EXPECT_TRUE(evaluate_guards(g, v("6.10")).applies);

  auto outside = evaluate_guards(g, v("6.1.192"));
  EXPECT_FALSE(outside.applies);
  EXPECT_EQ(outside.reason, "not affected: running 6.1.192 is outside "
                            "'>=6.1, <6.1.130', '>=6.6, <6.12.20'");
  EXPECT_FALSE(evaluate_guards(g, v("5.15.1")).applies);
  EXPECT_FALSE(evaluate_guards(g, v("6.12.20")).applies);
}

TEST(Guards, FixedInWinsOverAffects) {
  Guards g = affects({">=6.1"});
  g.fixed_in.push_back(v("6.1.130"));
  auto verdict = evaluate_guards(g, v("6.1.192"));
  EXPECT_FALSE(verdict.applies);
  EXPECT_EQ(verdict.reason, "fixed in 6.1.130 (running 6.1.192)");
}

TEST(Guards, UnknownVersionAppliesWithANote) {
  auto verdict = evaluate_guards(fixed_in({"6.1.130"}), std::nullopt);
  EXPECT_TRUE(verdict.applies);
  EXPECT_EQ(verdict.reason, "upstream version unknown: guards not evaluated");
  EXPECT_EQ(evaluate_guards({}, std::nullopt).reason, "");
}

} // namespace
} // namespace killswitch::policy
