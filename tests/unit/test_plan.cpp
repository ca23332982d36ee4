#include <map>

#include <gtest/gtest.h>

#include "policy/module_symbols.h"
#include "policy/plan.h"
#include "policy/report.h"

namespace killswitch::policy {
namespace {

using namespace std::chrono;
using kernel_iface::Engagement;

// The analysis, as a table: targets not in it are OK.
class FakeCheck : public TargetCheck {
public:
  std::map<std::string, CheckVerdict> verdicts;
  mutable std::vector<std::string> asked;

  CheckVerdict assess(const symbols::SymbolName& target,
                      std::int64_t /*retval*/) const override {
    asked.push_back(target.to_string());
    auto it = verdicts.find(target.to_string());
    return it == verdicts.end() ? CheckVerdict{} : it->second;
  }
};

Entry entry(const char* target, std::int64_t retval) {
  Entry e;
  e.target = *symbols::parse_symbol_name(target);
  e.retval = retval;
  e.id = std::string("ID-") + target;
  e.source = "/etc/killswitch.d/10.conf";
  e.index = 1;
  return e;
}

Engagement engaged(const char* target, std::int64_t retval) {
  return Engagement{target, retval, 0, "armed", {}};
}

Owned owned(const char* target, std::int64_t retval,
            Origin origin = Origin::policy) {
  return Owned{target, retval, origin, "old-id", "/etc/killswitch.d/10.conf"};
}

struct Scene {
  PlanInput in;
  FakeCheck check;

  Scene() {
    in.today = year(2026) / June / 15;
    in.kernel.release = "6.1.0-57-amd64";
    in.kernel.upstream = KernelVersion{6, 1, 192, 0};
    in.kernel.source = "Debian package version in /proc/version";
    in.check = &check;
  }

  std::vector<Decision> run() const { return plan(in); }
};

// "step target: detail" per decision.
std::vector<std::string> summary(const std::vector<Decision>& decisions) {
  std::vector<std::string> out;
  for (const auto& d : decisions)
    out.push_back(std::string(step_name(d.step)) + " " + d.target + ": " +
                  d.detail);
  return out;
}

using Lines = std::vector<std::string>;

TEST(Plan, EngagesWhatIsMissingAndKeepsWhatMatches) {
  Scene s;
  s.in.entries = {entry("missing", -1), entry("ours", -1), entry("by_hand", 0)};
  s.in.engaged = {engaged("ours", -1), engaged("by_hand", 0)};
  s.in.owned = {owned("ours", -1)};

  const auto d = s.run();
  EXPECT_EQ(summary(d),
            (Lines{"engage missing: not engaged", "keep ours: engaged as asked",
                   "keep by_hand: already engaged, not by apply"}));
  EXPECT_EQ(d[0].id, "ID-missing");
  EXPECT_EQ(d[0].origin, Origin::policy);
  EXPECT_FALSE(d[0].current);
  EXPECT_EQ(d[1].current, -1);
  // Only what is about to be engaged is checked.
  EXPECT_EQ(s.check.asked, (Lines{"missing"}));
}

TEST(Plan, NeverTouchesEngagementsMadeByHand) {
  Scene s;
  s.in.entries = {entry("held", -1)};
  s.in.engaged = {engaged("held", -22), engaged("unrelated", 0)};

  EXPECT_EQ(summary(s.run()),
            (Lines{"skip held: engaged with retval=-22 by someone else: left "
                   "alone"}));
}

TEST(Plan, ChangesTheValueOfItsOwnEngagement) {
  Scene s;
  s.in.entries = {entry("f", -22)};
  s.in.engaged = {engaged("f", -1)};
  s.in.owned = {owned("f", -1)};

  const auto d = s.run();
  EXPECT_EQ(summary(d), (Lines{"change f: engaged by apply with retval=-1"}));
  EXPECT_EQ(d[0].retval, -22);
  EXPECT_EQ(d[0].current, -1);
}

TEST(Plan, AValueChangedByHandIsNoLongerApplys) {
  Scene s;
  s.in.entries = {entry("f", -22)};
  s.in.engaged = {engaged("f", 5), engaged("g", 7)};
  s.in.owned = {owned("f", -1), owned("g", -1)};

  EXPECT_EQ(summary(s.run()),
            (Lines{"skip f: engaged with retval=5 by someone else: left alone",
                   "forget g: retval changed to 7 outside apply: left "
                   "alone"}));
}

TEST(Plan, DisengagesWhatThePolicyNoLongerWants) {
  Scene s;
  s.in.engaged = {engaged("dropped", -1), engaged("by_hand", -1)};
  s.in.owned = {owned("dropped", -1), owned("gone", -1)};

  const auto d = s.run();
  EXPECT_EQ(summary(d), (Lines{"disengage dropped: no longer in the policy",
                               "forget gone: no longer engaged"}));
  EXPECT_EQ(d[0].id, "old-id");
}

TEST(Plan, GuardsRetireEntriesAndTheirEngagements) {
  Scene s;
  auto fixed = entry("fixed", -1);
  fixed.guards.fixed_in = {{6, 1, 130, 0}, {6, 12, 20, 0}};
  auto fixed_owned = entry("fixed_owned", -1);
  fixed_owned.guards = fixed.guards;
  auto fixed_by_hand = entry("fixed_by_hand", -1);
  fixed_by_hand.guards = fixed.guards;
  auto unaffected = entry("unaffected", -1);
  unaffected.guards.affects = {*parse_range(">=6.6")};
  auto vulnerable = entry("vulnerable", -1);
  vulnerable.guards.fixed_in = {{6, 1, 200, 0}};

  s.in.entries = {fixed, fixed_owned, fixed_by_hand, unaffected, vulnerable};
  s.in.engaged = {engaged("fixed_owned", -1), engaged("fixed_by_hand", -1)};
  s.in.owned = {owned("fixed_owned", -1)};

  EXPECT_EQ(summary(s.run()),
            (Lines{"skip fixed: fixed in 6.1.130 (running 6.1.192)",
                   "disengage fixed_owned: fixed in 6.1.130 (running 6.1.192)",
                   "skip fixed_by_hand: fixed in 6.1.130 (running 6.1.192)",
                   "skip unaffected: not affected: running 6.1.192 is outside "
                   "'>=6.6'",
                   "engage vulnerable: not engaged"}));
}

TEST(Plan, UnknownUpstreamVersionAppliesWithANote) {
  Scene s;
  s.in.kernel.upstream.reset();
  s.in.kernel.source = "Ubuntu kernel without /proc/version_signature";
  auto e = entry("f", -1);
  e.guards.fixed_in = {{6, 1, 130, 0}};
  s.in.entries = {e, entry("unguarded", 0)};

  const auto d = s.run();
  EXPECT_EQ(d[0].step, Step::engage);
  EXPECT_EQ(d[0].notes,
            (Lines{"upstream version unknown: guards not evaluated (Ubuntu "
                   "kernel without /proc/version_signature)"}));
  EXPECT_TRUE(d[1].notes.empty());
}

TEST(Plan, ExpiryIsInclusiveOfItsDay) {
  Scene s;
  auto today = entry("today", -1);
  today.expires = year(2026) / June / 15;
  auto yesterday = entry("yesterday", -1);
  yesterday.expires = year(2026) / June / 14;
  auto owned_expired = entry("owned_expired", -1);
  owned_expired.expires = year(2025) / January / 1;
  s.in.entries = {today, yesterday, owned_expired};
  s.in.engaged = {engaged("owned_expired", -1)};
  s.in.owned = {owned("owned_expired", -1)};

  EXPECT_EQ(summary(s.run()),
            (Lines{"engage today: not engaged",
                   "skip yesterday: expired on 2026-06-14",
                   "disengage owned_expired: expired on 2025-01-01"}));
}

TEST(Plan, CheckRefusalSkipsUnlessForced) {
  Scene s;
  using Level = CheckVerdict::Level;
  s.check.verdicts["refused"] = {Level::refuse, {"core: schedule"}};
  s.check.verdicts["forced"] = {Level::refuse, {"core: schedule"}};
  s.check.verdicts["warned"] = {Level::warn, {"a", "b"}};
  s.check.verdicts["unknown"] = {Level::unavailable, {"no kallsyms"}};
  auto forced = entry("forced", -1);
  forced.force = true;
  s.in.entries = {entry("refused", -1), forced, entry("warned", -1),
                  entry("unknown", -1)};

  const auto d = s.run();
  EXPECT_EQ(summary(d),
            (Lines{"skip refused: check refuses it (set force = true to "
                   "override): core: schedule",
                   "engage forced: not engaged", "engage warned: not engaged",
                   "engage unknown: not engaged"}));
  EXPECT_TRUE(d[0].held_back);
  EXPECT_FALSE(d[1].held_back);
  EXPECT_EQ(d[1].notes, (Lines{"engaged despite check's REFUSE (force = "
                               "true): core: schedule"}));
  EXPECT_EQ(d[2].notes, (Lines{"check warns: a; b"}));
  EXPECT_EQ(d[3].notes, (Lines{"check could not run: no kallsyms"}));
}

TEST(Plan, ForceDoesNotEngageForAModuleThatDoesNotExist) {
  Scene s;
  s.check.verdicts["nomod:f"] = {
      CheckVerdict::Level::refuse, {"module-not-found: nomod"}, true, {}};
  auto e = entry("nomod:f", -1);
  e.force = true;
  s.in.entries = {e};
  EXPECT_EQ(s.run()[0].step, Step::skip);
}

TEST(Plan, TheCheckPlacesAPlainNameInItsModule) {
  Scene s;
  s.check.verdicts["algif_fn"] = {
      CheckVerdict::Level::ok,
      {},
      false,
      symbols::SymbolName{"algif_skcipher", "algif_fn"}};
  s.in.entries = {entry("algif_fn", -1)};
  const auto d = s.run();
  EXPECT_EQ(summary(d), (Lines{"engage algif_skcipher:algif_fn: not engaged"}));
  EXPECT_EQ(d[0].notes,
            (Lines{"algif_fn is a function of module algif_skcipher: engaged "
                   "as algif_skcipher:algif_fn"}));
}

TEST(Plan, ARefusedChangeLeavesTheOldEngagement) {
  Scene s;
  s.check.verdicts["f"] = {CheckVerdict::Level::refuse, {"bad value"}};
  s.in.entries = {entry("f", 1)};
  s.in.engaged = {engaged("f", -1)};
  s.in.owned = {owned("f", -1)};

  const auto d = s.run();
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].step, Step::skip);
}

TEST(Plan, WithoutACheckNothingIsAsked) {
  Scene s;
  s.in.check = nullptr;
  s.in.entries = {entry("f", -1)};
  EXPECT_EQ(s.run()[0].step, Step::engage);
}

TEST(Plan, CommandLineEngagementsLastTheWholeBoot) {
  Scene s;
  s.in.engaged = {engaged("from_cmdline", -1)};
  s.in.owned = {owned("from_cmdline", -1, Origin::cmdline)};

  // A plain apply does not read the command line, so leaves it alone.
  EXPECT_EQ(summary(s.run()),
            (Lines{"keep from_cmdline: from the kernel command line; apply "
                   "--boot manages it"}));
  s.in.engaged.clear();
  EXPECT_TRUE(s.run().empty());
  s.in.engaged = {engaged("from_cmdline", -1)};

  // apply --boot reads it; an entry no longer there is taken back.
  s.in.boot = true;
  EXPECT_EQ(summary(s.run()),
            (Lines{"disengage from_cmdline: no longer on the kernel command "
                   "line"}));

  auto e = entry("from_cmdline", -1);
  e.source = "/proc/cmdline";
  s.in.entries = {e};
  const auto d = s.run();
  EXPECT_EQ(summary(d), (Lines{"keep from_cmdline: engaged as asked"}));
  EXPECT_EQ(d[0].origin, Origin::cmdline);
}

TEST(Plan, ModuleFunctionsAreEngagedByModuleName) {
  Scene s;
  const ModuleSymbols symbols("alias symbol:af_alg_sendmsg af_alg\n"
                              "alias symbol:vsock_connect vsock\n");
  s.in.resolver = &symbols;
  s.in.entries = {entry("af_alg_sendmsg", -1), entry("vsock_connect", -1),
                  entry("schedule_me", 0), entry("other:vsock_connect", 1)};
  s.in.engaged = {engaged("vsock:vsock_connect", -1)};

  const auto d = s.run();
  EXPECT_EQ(summary(d),
            (Lines{"engage af_alg:af_alg_sendmsg: not engaged",
                   "keep vsock:vsock_connect: already engaged, not by apply",
                   "engage schedule_me: not engaged",
                   "engage other:vsock_connect: not engaged"}));
  EXPECT_EQ(d[0].notes, (Lines{"af_alg_sendmsg is a function of module "
                               "af_alg: engaged as af_alg:af_alg_sendmsg"}));
  EXPECT_EQ(s.check.asked, (Lines{"af_alg:af_alg_sendmsg", "schedule_me",
                                  "other:vsock_connect"}));

  // Once engaged, the plain entry keeps matching what apply engaged.
  s.in.engaged = {engaged("af_alg:af_alg_sendmsg", -1)};
  s.in.owned = {owned("af_alg:af_alg_sendmsg", -1)};
  s.in.entries = {entry("af_alg_sendmsg", -1)};
  EXPECT_EQ(summary(s.run()),
            (Lines{"keep af_alg:af_alg_sendmsg: engaged as asked"}));
  s.in.entries = {entry("af_alg_sendmsg", -22)};
  s.check.asked.clear();
  EXPECT_EQ(summary(s.run()),
            (Lines{"change af_alg:af_alg_sendmsg: engaged by apply with "
                   "retval=-1"}));
  EXPECT_EQ(s.check.asked, (Lines{"af_alg:af_alg_sendmsg"}));
  s.in.entries.clear();
  EXPECT_EQ(summary(s.run()),
            (Lines{"disengage af_alg:af_alg_sendmsg: no longer in the "
                   "policy"}));
}

TEST(OwnedAfter, FollowsWhatWasDone) {
  const std::vector<Owned> before = {owned("kept", -1), owned("changed", -1),
                                     owned("dropped", -1), owned("gone", -1),
                                     owned("failed_drop", -1)};
  const auto decision = [](Step step, const char* target, std::int64_t v) {
    Decision d;
    d.step = step;
    d.target = target;
    d.retval = v;
    d.id = "new-id";
    d.source = "/etc/killswitch.d/20.conf";
    return d;
  };
  const std::vector<Applied> results = {
      {decision(Step::engage, "new", -1), true, {}, 0},
      {decision(Step::engage, "failed_new", -1), false, "ENOENT", 2},
      {decision(Step::keep, "kept", -1), true, {}, 0},
      {decision(Step::keep, "by_hand", -1), true, {}, 0},
      {decision(Step::change, "changed", -22), true, {}, 0},
      {decision(Step::disengage, "dropped", -1), true, {}, 0},
      {decision(Step::forget, "gone", -1), true, {}, 0},
      {decision(Step::disengage, "failed_drop", -1), false, "EBUSY", 16},
  };

  const auto after = owned_after(before, results);
  std::vector<std::string> targets;
  for (const auto& o : after)
    targets.push_back(o.target + "=" + std::to_string(o.retval) + " " + o.id);
  EXPECT_EQ(targets, (Lines{"kept=-1 new-id", "changed=-22 new-id",
                            "failed_drop=-1 old-id", "new=-1 new-id"}));
}

TEST(ApplyReport, CountsAndNothingToDo) {
  ApplyReport r;
  Decision keep;
  keep.step = Step::keep;
  Decision skip;
  skip.step = Step::skip;
  r.results = {{keep, true, {}, 0}, {skip, true, {}, 0}};
  EXPECT_TRUE(r.nothing_to_do());
  EXPECT_EQ(r.counts().unchanged, 1);
  EXPECT_EQ(r.counts().skipped, 1);

  // A problem in the policy is no step that another run would take.
  r.problems.push_back({"/etc/killswitch.d/x.conf", "bad"});
  EXPECT_TRUE(r.nothing_to_do());
  EXPECT_EQ(r.counts().failed, 1);

  Decision engage;
  engage.step = Step::engage;
  r.results.push_back({engage, false, "ENOENT", 2});
  EXPECT_FALSE(r.nothing_to_do());
  EXPECT_EQ(r.counts().failed, 2);
}

// An entry the check held back is a promise not kept: never "nothing to do".
TEST(ApplyReport, HeldBackIsCountedAndIsNotNothingToDo) {
  ApplyReport r;
  Decision retired;
  retired.step = Step::skip;
  Decision held;
  held.step = Step::skip;
  held.held_back = true;
  r.results = {{retired, true, {}, 0}};
  EXPECT_TRUE(r.nothing_to_do());
  EXPECT_EQ(r.counts().held_back, 0);
  r.results.push_back({held, true, {}, 0});
  EXPECT_FALSE(r.nothing_to_do());
  EXPECT_EQ(r.counts().skipped, 2);
  EXPECT_EQ(r.counts().held_back, 1);
}

} // namespace
} // namespace killswitch::policy
