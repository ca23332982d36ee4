#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "commands/policy_commands.h"
#include "fake_kernel.h"
#include "mock_filesystem.h"
#include "policy/ownership.h"

namespace killswitch::commands {
namespace {

using killswitch::testing::fake_paths;
using killswitch::testing::FakeKernel;
using namespace std::chrono;

constexpr const char* kDebianVersion =
    "Linux version 6.1.0-57-amd64 (debian-kernel@lists.debian.org) (gcc-12 "
    "(Debian 12.2.0-14+deb12u1) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian "
    "6.1.192-3 (2026-11-26)\n";
constexpr const char* kState = "/run/killswitch/owned.json";

std::string entry(const std::string& target, const std::string& retval,
                  const std::string& extra = "") {
  return "[[engage]]\ntarget = \"" + target + "\"\nretval = " + retval +
         "\nid = \"ID-" + target + "\"\nreason = \"r\"\n" + extra + "\n";
}

// apply and bootparam on a FakeKernel, output captured.
struct Harness {
  FakeKernel fs;
  kernel_iface::Interface iface{fs, fake_paths()};
  std::ostringstream out, err;
  policy::Locations where;

  Harness() {
    where.today = year(2026) / June / 15;
    fs.files["/proc/sys/kernel/osrelease"] = "6.1.0-57-amd64\n";
    fs.files["/proc/version"] = kDebianVersion;
    fs.files["/proc/cmdline"] = "root=/dev/vda ro\n";
  }

  void policy(const std::string& name, const std::string& text) {
    fs.files["/etc/killswitch.d/" + name] = text;
  }

  Outcome apply(Args args = {}, output::Format format = output::Format::text) {
    out.str("");
    err.str("");
    auto printer = output::make_printer(format, out, err);
    Context ctx{iface, *printer};
    return run_apply(ctx, args, where, nullptr);
  }

  Outcome bootparam(output::Format format = output::Format::text) {
    out.str("");
    err.str("");
    auto printer = output::make_printer(format, out, err);
    Context ctx{iface, *printer};
    return run_bootparam(ctx, where);
  }

  std::vector<policy::Owned> owned() const {
    auto it = fs.files.find(kState);
    if (it == fs.files.end())
      return {};
    return *policy::parse_owned(it->second);
  }
};

Args dry_run() {
  Args a;
  a.dry_run = true;
  return a;
}

Args boot() {
  Args a;
  a.boot = true;
  return a;
}

TEST(Apply, EngagesThePolicyAndOwnsIt) {
  Harness h;
  h.policy("10-a.conf", entry("af_alg_sendmsg", "\"EPERM\""));

  EXPECT_TRUE(h.apply());
  EXPECT_EQ(h.fs.control_writes,
            (std::vector<std::string>{"engage af_alg_sendmsg -1\n"}));
  ASSERT_NE(h.fs.retval_of("af_alg_sendmsg"), nullptr);
  EXPECT_EQ(h.out.str(),
            "kernel 6.1.0-57-amd64: upstream 6.1.192 (Debian package version "
            "in /proc/version)\n"
            "engaged af_alg_sendmsg retval=-1 (-EPERM) [ID-af_alg_sendmsg]: "
            "not engaged\n"
            "engaged 1, changed 0, disengaged 0, unchanged 0, skipped 0, "
            "failed 0\n");
  EXPECT_EQ(h.fs.dirs, (std::set<std::string>{"/run/killswitch"}));
  ASSERT_EQ(h.owned().size(), 1u);
  EXPECT_EQ(h.owned()[0].target, "af_alg_sendmsg");
  EXPECT_EQ(h.owned()[0].source, "/etc/killswitch.d/10-a.conf");
}

TEST(Apply, ASecondRunHasNothingToDo) {
  Harness h;
  h.policy("10-a.conf", entry("f", "-1") + entry("g", "0"));
  ASSERT_TRUE(h.apply());
  h.fs.control_writes.clear();
  h.fs.replaced.clear();

  EXPECT_TRUE(h.apply());
  EXPECT_TRUE(h.fs.control_writes.empty());
  EXPECT_TRUE(h.fs.replaced.empty()) << "state file rewritten";
  EXPECT_NE(h.out.str().find("\nnothing to do: unchanged 2, skipped 0\n"),
            std::string::npos)
      << h.out.str();
}

TEST(Apply, DryRunWritesNothing) {
  Harness h;
  h.policy("10-a.conf", entry("f", "-1"));
  h.fs.engage_by_hand("old", -1);
  h.fs.files[kState] =
      policy::format_owned({{"old", -1, policy::Origin::policy, "", ""}});

  EXPECT_TRUE(h.apply(dry_run()));
  EXPECT_TRUE(h.fs.control_writes.empty());
  EXPECT_TRUE(h.fs.replaced.empty());
  EXPECT_NE(h.out.str().find("would engage f retval=-1"), std::string::npos);
  EXPECT_NE(h.out.str().find("would disengage old retval=-1"),
            std::string::npos);
  EXPECT_NE(h.out.str().find("dry run, nothing written: would have engaged 1, "
                             "changed 0, disengaged 1"),
            std::string::npos)
      << h.out.str();
}

TEST(Apply, FollowsPolicyChangesAndLeavesHandEngagementsAlone) {
  Harness h;
  h.policy("10-a.conf",
           entry("stays", "-1") + entry("goes", "-1") + entry("changes", "-1"));
  h.fs.engage_by_hand("by_hand", 0);
  ASSERT_TRUE(h.apply());

  h.policy("10-a.conf", entry("stays", "-1") + entry("changes", "-22"));
  h.fs.control_writes.clear();
  ASSERT_TRUE(h.apply());

  EXPECT_EQ(h.fs.control_writes,
            (std::vector<std::string>{"disengage goes\n"}));
  EXPECT_EQ(*h.fs.retval_of("changes"), -22); // through fn/changes/retval
  EXPECT_EQ(h.fs.retval_of("goes"), nullptr);
  EXPECT_EQ(*h.fs.retval_of("by_hand"), 0);
  EXPECT_NE(h.out.str().find("changed changes retval=-22 (-EINVAL) "
                             "(engaged: -1)"),
            std::string::npos)
      << h.out.str();
  EXPECT_NE(h.out.str().find("disengaged goes retval=-1 (-EPERM) [ID-goes]: "
                             "no longer in the policy"),
            std::string::npos);

  // Emptied policy: only what apply engaged goes.
  h.fs.files.erase("/etc/killswitch.d/10-a.conf");
  h.policy("10-a.conf", "");
  ASSERT_TRUE(h.apply());
  EXPECT_EQ(h.fs.table.size(), 1u);
  EXPECT_EQ(*h.fs.retval_of("by_hand"), 0);
  EXPECT_TRUE(h.owned().empty());
}

TEST(Apply, FailuresAreReportedAndTheRestApplies) {
  Harness h;
  h.policy("10-a.conf", entry("no_such_fn", "-1") + entry("fine", "-1"));
  h.policy("20-broken.conf", "[[engage]\n");
  h.fs.unknown_functions = {"no_such_fn"};

  auto r = h.apply();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().exit, ExitCode::partial);
  EXPECT_EQ(r.error().message, "not everything was applied: 2 failed");
  EXPECT_NE(h.fs.retval_of("fine"), nullptr);
  EXPECT_NE(h.out.str().find("failed no_such_fn retval=-1 (-EPERM) "
                             "[ID-no_such_fn]: engage failed: no such "
                             "function in the running kernel"),
            std::string::npos)
      << h.out.str();
  EXPECT_NE(h.err.str().find("killswitch: /etc/killswitch.d/20-broken.conf:1:"),
            std::string::npos)
      << h.err.str();
  // The failed one is not owned; a second run tries it again.
  ASSERT_EQ(h.owned().size(), 1u);
  EXPECT_EQ(h.owned()[0].target, "fine");
}

TEST(Apply, GuardsAndExpirySaySo) {
  Harness h;
  h.policy("10-a.conf",
           entry("fixed", "-1", "fixed_in = [\"6.1.130\", \"6.12.20\"]") +
               entry("expired", "-1", "expires = 2026-06-14") +
               entry("needed", "-1", "fixed_in = [\"6.1.200\"]"));
  EXPECT_TRUE(h.apply());
  EXPECT_EQ(h.fs.control_writes,
            (std::vector<std::string>{"engage needed -1\n"}));
  EXPECT_NE(h.out.str().find("skipped fixed retval=-1 (-EPERM) [ID-fixed]: "
                             "fixed in 6.1.130 (running 6.1.192)"),
            std::string::npos)
      << h.out.str();
  EXPECT_NE(h.out.str().find("skipped expired retval=-1 (-EPERM) "
                             "[ID-expired]: expired on 2026-06-14"),
            std::string::npos);
}

TEST(Apply, BootAddsTheCommandLine) {
  Harness h;
  h.policy("10-a.conf", entry("f", "-1"));
  h.fs.files["/proc/cmdline"] =
      "root=/dev/vda killswitch=g=EINVAL,bad$=1,f=0 quiet\n";

  auto r = h.apply(boot());
  ASSERT_FALSE(r); // the malformed entry counts as a failure
  EXPECT_EQ(r.error().exit, ExitCode::partial);
  EXPECT_EQ(*h.fs.retval_of("g"), -22);
  EXPECT_EQ(*h.fs.retval_of("f"), 0); // the command line wins
  EXPECT_NE(h.err.str().find("skipped killswitch= entry 'bad$=1'"),
            std::string::npos)
      << h.err.str();

  // A plain apply leaves the command line's engagements alone, and puts
  // the policy's value back only for what the policy owns.
  ASSERT_TRUE(h.apply());
  EXPECT_EQ(*h.fs.retval_of("g"), -22);
}

TEST(Apply, ExportedModuleFunctionsArePendingUntilTheModuleLoads) {
  Harness h;
  h.fs.files["/lib/modules/6.1.0-57-amd64/modules.symbols"] =
      "alias symbol:af_alg_sendmsg af_alg\n";
  h.fs.files["/proc/cmdline"] = "killswitch=af_alg_sendmsg=-1\n";

  ASSERT_TRUE(h.apply(boot()));
  EXPECT_EQ(h.fs.control_writes,
            (std::vector<std::string>{"engage af_alg:af_alg_sendmsg -1\n"}));
  EXPECT_NE(h.out.str().find("  note: af_alg_sendmsg is a function of module "
                             "af_alg: engaged as af_alg:af_alg_sendmsg\n"),
            std::string::npos)
      << h.out.str();

  h.fs.control_writes.clear();
  ASSERT_TRUE(h.apply(boot()));
  EXPECT_TRUE(h.fs.control_writes.empty());
}

TEST(Apply, ModuleNotLoaded) {
  Harness h;
  h.fs.loaded = false;
  auto r = h.apply();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().exit, ExitCode::not_loaded);
}

TEST(Apply, ADamagedStateFileOwnsNothing) {
  Harness h;
  h.fs.engage_by_hand("f", -1);
  h.fs.files[kState] = "{not json";
  auto r = h.apply();
  ASSERT_FALSE(r);
  EXPECT_EQ(*h.fs.retval_of("f"), -1);
  EXPECT_NE(h.err.str().find("treating every engagement as made by hand"),
            std::string::npos);
}

TEST(Apply, Json) {
  Harness h;
  h.policy("10-a.conf", entry("f", "\"EPERM\""));
  ASSERT_TRUE(h.apply({}, output::Format::json));
  EXPECT_EQ(h.err.str(), "");
  const auto j = nlohmann::json::parse(h.out.str());
  EXPECT_EQ(j["command"], "apply");
  EXPECT_EQ(j["kernel"]["upstream"], "6.1.192");
  ASSERT_EQ(j["results"].size(), 1u);
  EXPECT_EQ(j["results"][0]["action"], "engage");
  EXPECT_EQ(j["results"][0]["done"], true);
  EXPECT_EQ(j["results"][0]["errno"], "EPERM");
  EXPECT_EQ(j["results"][0]["id"], "ID-f");
  EXPECT_EQ(j["summary"]["engaged"], 1);
  EXPECT_EQ(j["nothing_to_do"], false);
}

TEST(Bootparam, PrintsTheEntriesThatApplyHere) {
  Harness h;
  h.policy("10-a.conf", entry("f", "\"EPERM\"") +
                            entry("fixed", "0", "fixed_in = [\"6.1.100\"]") +
                            entry("m:g", "\"0x10\""));
  EXPECT_TRUE(h.bootparam());
  EXPECT_EQ(h.out.str(), "killswitch=f=-1,m:g=16\n");
  EXPECT_EQ(h.err.str(), "killswitch: left out fixed [ID-fixed]: fixed in "
                         "6.1.100 (running 6.1.192)\n");

  ASSERT_TRUE(h.bootparam(output::Format::json));
  const auto j = nlohmann::json::parse(h.out.str());
  EXPECT_EQ(j["bootparam"], "killswitch=f=-1,m:g=16");
  EXPECT_EQ(j["left_out"][0]["target"], "fixed");
}

TEST(Bootparam, NothingApplies) {
  Harness h;
  EXPECT_TRUE(h.bootparam());
  EXPECT_EQ(h.out.str(), "");
  EXPECT_NE(h.err.str().find("no entry of the policy applies"),
            std::string::npos);
}

} // namespace
} // namespace killswitch::commands
