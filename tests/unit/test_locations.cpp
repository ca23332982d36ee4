#include <map>

#include <gtest/gtest.h>

#include "policy/locations.h"

namespace killswitch::policy {
namespace {

using namespace std::chrono;

kernel_iface::EnvLookup env(std::map<std::string, std::string> vars) {
  return [vars](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end())
      return std::nullopt;
    return it->second;
  };
}

TEST(Locations, Defaults) {
  auto where = locations_from_environment(env({}));
  ASSERT_TRUE(where);
  EXPECT_EQ(where->policy_dirs,
            (std::vector<std::string>{"/etc/killswitch.d", "/run/killswitch.d",
                                      "/usr/lib/killswitch.d"}));
  EXPECT_EQ(where->state_file, "/run/killswitch/owned.json");
  EXPECT_EQ(where->state_dir(), "/run/killswitch");
  EXPECT_EQ(where->cmdline(), "/proc/cmdline");
  EXPECT_EQ(where->version_signature(), "/proc/version_signature");
  EXPECT_EQ(where->osrelease(), "/proc/sys/kernel/osrelease");
  EXPECT_EQ(where->module_symbols("6.1.0-57-amd64"),
            "/lib/modules/6.1.0-57-amd64/modules.symbols");
  EXPECT_FALSE(where->today);
}

TEST(Locations, TheEnvironmentMovesEverything) {
  auto where = locations_from_environment(
      env({{"KILLSWITCH_POLICY_DIRS", "/t/etc::/t/usr:"},
           {"KILLSWITCH_STATE", "/t/state/owned.json"},
           {"KILLSWITCH_PROC", "/t/proc"},
           {"KILLSWITCH_MODULES", "/t/modules"},
           {"KILLSWITCH_TODAY", "2026-06-15"}}));
  ASSERT_TRUE(where);
  EXPECT_EQ(where->policy_dirs, (std::vector<std::string>{"/t/etc", "/t/usr"}));
  EXPECT_EQ(where->state_dir(), "/t/state");
  EXPECT_EQ(where->version(), "/t/proc/version");
  EXPECT_EQ(where->module_symbols("r"), "/t/modules/r/modules.symbols");
  EXPECT_EQ(where->today, year(2026) / June / 15);
}

TEST(Locations, ABadDateIsAnError) {
  auto where = locations_from_environment(env({{"KILLSWITCH_TODAY", "soon"}}));
  ASSERT_FALSE(where);
  EXPECT_NE(where.error().message.find("KILLSWITCH_TODAY: invalid date"),
            std::string::npos);
}

} // namespace
} // namespace killswitch::policy
