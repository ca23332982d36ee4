#include <gtest/gtest.h>

#include "policy/running_kernel.h"

namespace killswitch::policy {
namespace {

// /proc/version of Debian 12's kernels, as they boot in tests/vm.
constexpr const char* kDebian61 =
    "Linux version 6.1.0-57-amd64 (debian-kernel@lists.debian.org) (gcc-12 "
    "(Debian 12.2.0-14+deb12u1) 12.2.0, GNU ld (GNU Binutils for Debian) "
    "2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-3 (2026-11-26)\n";
constexpr const char* kDebian612 =
    "Linux version 6.12.118+deb12-amd64 (debian-kernel@lists.debian.org) "
    "(x86_64-linux-gnu-gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0, GNU ld (GNU "
    "Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian "
    "6.12.118-1~deb12u1 (2026-11-28)\n";
constexpr const char* kUbuntu =
    "Linux version 6.8.0-45-generic (buildd@lcy02-amd64-075) "
    "(x86_64-linux-gnu-gcc-13 (Ubuntu 13.2.0-23ubuntu4) 13.2.0, GNU ld (GNU "
    "Binutils for Ubuntu) 2.42) #45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 "
    "12:02:04 UTC 2024\n";

TEST(IdentifyKernel, DebianUsesThePackageVersionNotTheRelease) {
  auto k = identify_kernel({"6.1.0-57-amd64\n", kDebian61, std::nullopt});
  EXPECT_EQ(k.release, "6.1.0-57-amd64");
  ASSERT_TRUE(k.upstream);
  EXPECT_EQ(k.upstream->to_string(), "6.1.192");
  EXPECT_EQ(k.source, "Debian package version in /proc/version");
}

TEST(IdentifyKernel, DebianBackportKernel) {
  auto k = identify_kernel({"6.12.118+deb12-amd64", kDebian612, std::nullopt});
  ASSERT_TRUE(k.upstream);
  EXPECT_EQ(k.upstream->to_string(), "6.12.118");
}

TEST(IdentifyKernel, TheCompilersDebianVersionIsNotTheKernels) {
  // A kernel built by hand with Debian's gcc: the release is upstream's.
  auto k = identify_kernel(
      {"6.12.3",
       "Linux version 6.12.3 (me@host) (gcc-12 (Debian 12.2.0-14) "
       "12.2.0) #2 SMP PREEMPT_DYNAMIC Tue Dec 3 10:00:00 UTC 2024",
       std::nullopt});
  ASSERT_TRUE(k.upstream);
  EXPECT_EQ(k.upstream->to_string(), "6.12.3");
  EXPECT_EQ(k.source, "kernel release");
}

TEST(IdentifyKernel, UbuntuUsesTheSignature) {
  auto k = identify_kernel(
      {"6.8.0-45-generic", kUbuntu, "Ubuntu 6.8.0-45.45-generic 6.8.12\n"});
  ASSERT_TRUE(k.upstream);
  EXPECT_EQ(k.upstream->to_string(), "6.8.12");
  EXPECT_EQ(k.source, "/proc/version_signature");
}

TEST(IdentifyKernel, UbuntuWithoutSignatureIsUnknown) {
  // 6.8.0 would be wrong: Ubuntu's 6.8.0-45 is upstream 6.8.12.
  auto k = identify_kernel({"6.8.0-45-generic", kUbuntu, std::nullopt});
  EXPECT_FALSE(k.upstream);
  EXPECT_EQ(k.source, "Ubuntu kernel without /proc/version_signature");
}

TEST(IdentifyKernel, UnreadableSignatureIsUnknown) {
  auto k = identify_kernel({"6.8.0-45-generic", kUbuntu, "garbage"});
  EXPECT_FALSE(k.upstream);
}

TEST(IdentifyKernel, PlainUpstreamAndReleaseCandidates) {
  const std::pair<const char*, const char*> cases[] = {
      {"6.12.3", "6.12.3"},
      {"6.15.0-rc2", "6.15-rc2"},
      {"6.15-rc2-00012-gabcdef", "6.15-rc2"},
      {"6.12.3-arch1-1", "6.12.3"},
  };
  for (const auto& [release, want] : cases) {
    auto k = identify_kernel(
        {release, std::string("Linux version ") + release + " #1 SMP",
         std::nullopt});
    ASSERT_TRUE(k.upstream) << release;
    EXPECT_EQ(k.upstream->to_string(), want) << release;
  }
}

TEST(IdentifyKernel, NothingReadable) {
  auto k = identify_kernel({"", "", std::nullopt});
  EXPECT_FALSE(k.upstream);
  EXPECT_EQ(k.source, "unrecognised kernel release");
}

} // namespace
} // namespace killswitch::policy
