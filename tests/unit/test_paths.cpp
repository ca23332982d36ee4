#include <map>
#include <string>

#include <gtest/gtest.h>

#include "kernel_iface/paths.h"

namespace killswitch::kernel_iface {
namespace {

EnvLookup fake_env(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](
             std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end())
      return std::nullopt;
    return it->second;
  };
}

TEST(Paths, DefaultsAreTheRealLocations) {
  const auto p = paths_from_environment(fake_env({}));
  EXPECT_EQ(p.control(), "/sys/kernel/security/killswitch/control");
  EXPECT_EQ(p.engaged(), "/sys/kernel/security/killswitch/engaged");
  EXPECT_EQ(p.taint(), "/sys/kernel/security/killswitch/taint");
  EXPECT_EQ(p.sysmodule_dir, "/sys/module/killswitch");
  EXPECT_EQ(p.tainted, "/proc/sys/kernel/tainted");
  EXPECT_EQ(p.securityfs_mount, "/sys/kernel/security");
}

TEST(Paths, EnvironmentMovesThemAndStopsMounting) {
  const auto p = paths_from_environment(fake_env({
      {"KILLSWITCH_SECURITYFS", "/t/ks"},
      {"KILLSWITCH_SYSMODULE", "/t/mod"},
      {"KILLSWITCH_TAINTED", "/t/tainted"},
  }));
  EXPECT_EQ(p.control(), "/t/ks/control");
  EXPECT_EQ(p.sysmodule_dir, "/t/mod");
  EXPECT_EQ(p.tainted, "/t/tainted");
  EXPECT_TRUE(p.securityfs_mount.empty());
}

TEST(Paths, ProcessEnvironmentTreatsEmptyAsUnset) {
  ::setenv("KS_TEST_EMPTY", "", 1);
  ::setenv("KS_TEST_SET", "v", 1);
  const auto env = process_environment();
  EXPECT_FALSE(env("KS_TEST_EMPTY"));
  EXPECT_FALSE(env("KS_TEST_UNSET_ANYWHERE"));
  EXPECT_EQ(env("KS_TEST_SET"), "v");
}

} // namespace
} // namespace killswitch::kernel_iface
