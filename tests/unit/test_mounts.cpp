#include <gtest/gtest.h>

#include "kernel_iface/mounts.h"

namespace killswitch::kernel_iface {
namespace {

constexpr const char* kMounts =
    "sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0\n"
    "securityfs /sys/kernel/security securityfs rw,nosuid 0 0\n"
    "tmpfs /mnt/with\\040space tmpfs rw 0 0\n";

TEST(IsMounted, FindsTheMountPointAndType) {
  EXPECT_TRUE(is_mounted(kMounts, "/sys/kernel/security", "securityfs"));
  EXPECT_FALSE(is_mounted(kMounts, "/sys/kernel/security", "tmpfs"));
  EXPECT_FALSE(is_mounted(kMounts, "/sys/kernel", "securityfs"));
}

TEST(IsMounted, UndoesOctalEscapes) {
  EXPECT_TRUE(is_mounted(kMounts, "/mnt/with space", "tmpfs"));
  EXPECT_FALSE(is_mounted(kMounts, "/mnt/with\\040space", "tmpfs"));
}

TEST(IsMounted, SkipsShortAndEmptyLines) {
  EXPECT_FALSE(is_mounted("", "/sys/kernel/security", "securityfs"));
  EXPECT_FALSE(is_mounted("securityfs /sys/kernel/security\n\n",
                          "/sys/kernel/security", "securityfs"));
  EXPECT_TRUE(is_mounted("junk\n\nnone /sys/kernel/security securityfs",
                         "/sys/kernel/security", "securityfs"));
}

TEST(IsMounted, TruncatedEscapeIsLiteral) {
  EXPECT_TRUE(is_mounted("x /a\\04 tmpfs rw 0 0", "/a\\04", "tmpfs"));
  EXPECT_TRUE(is_mounted("x /a\\049 tmpfs rw 0 0", "/a\\049", "tmpfs"));
}

} // namespace
} // namespace killswitch::kernel_iface
