#include <gtest/gtest.h>

#include "kernel_iface/interface.h"
#include "mock_filesystem.h"

namespace killswitch::kernel_iface {
namespace {

using killswitch::testing::errno_result;
using killswitch::testing::fake_paths;
using killswitch::testing::MockFilesystem;
using ::testing::_;
using ::testing::Return;
using ::testing::StrictMock;

Paths real_paths() {
  return Paths{};
}

TEST(EnsureMounted, NothingToDoWhenThePathsWereMoved) {
  StrictMock<MockFilesystem> fs;
  Interface iface(fs, fake_paths());
  EXPECT_EQ(*iface.ensure_mounted(), false);
}

TEST(EnsureMounted, NothingToDoWhenTheDirectoryIsThere) {
  StrictMock<MockFilesystem> fs;
  EXPECT_CALL(fs, exists("/sys/kernel/security/killswitch"))
      .WillOnce(Return(true));
  Interface iface(fs, real_paths());
  EXPECT_EQ(*iface.ensure_mounted(), false);
}

TEST(EnsureMounted, NothingToDoWhenMountsListsIt) {
  StrictMock<MockFilesystem> fs;
  EXPECT_CALL(fs, exists(_)).WillOnce(Return(false));
  EXPECT_CALL(fs, read("/proc/self/mounts"))
      .WillOnce(Return(util::Result<std::string>(
          "securityfs /sys/kernel/security securityfs rw 0 0\n")));
  Interface iface(fs, real_paths());
  EXPECT_EQ(*iface.ensure_mounted(), false);
}

TEST(EnsureMounted, MountsWhenMissingOrUnknown) {
  for (const bool mounts_readable : {true, false}) {
    StrictMock<MockFilesystem> fs;
    EXPECT_CALL(fs, exists(_)).WillOnce(Return(false));
    EXPECT_CALL(fs, read("/proc/self/mounts"))
        .WillOnce(Return(
            mounts_readable
                ? util::Result<std::string>("proc /proc proc rw 0 0\n")
                : util::fail(util::Error::from_code(ENOENT, "open", "m"))));
    EXPECT_CALL(fs, mount_securityfs("/sys/kernel/security"))
        .WillOnce(Return(util::Result<void>()));
    Interface iface(fs, real_paths());
    EXPECT_EQ(*iface.ensure_mounted(), true);
  }
}

TEST(EnsureMounted, PassesAMountFailureUp) {
  StrictMock<MockFilesystem> fs;
  EXPECT_CALL(fs, exists(_)).WillOnce(Return(false));
  EXPECT_CALL(fs, read(_)).WillOnce(Return(util::Result<std::string>("")));
  EXPECT_CALL(fs, mount_securityfs(_))
      .WillOnce(Return(errno_result(EPERM, "mount")));
  Interface iface(fs, real_paths());
  auto r = iface.ensure_mounted();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, EPERM);
  EXPECT_EQ(r.error().op, "mount");
}

TEST(Interface, SendWritesOneCommandToControl) {
  StrictMock<MockFilesystem> fs;
  EXPECT_CALL(fs, write_once("/fake/ks/control", "engage f -1\n"))
      .WillOnce(Return(util::Result<void>()));
  Interface iface(fs, fake_paths());
  EXPECT_TRUE(iface.send(Command::engage({"", "f"}, -1)));
}

TEST(Interface, ReadsTheModuleFiles) {
  StrictMock<MockFilesystem> fs;
  EXPECT_CALL(fs, read("/fake/ks/engaged"))
      .WillOnce(Return(util::Result<std::string>("f retval=1 hits=2\n")));
  EXPECT_CALL(fs, read("/fake/ks/taint"))
      .WillOnce(Return(util::Result<std::string>("1\n")));
  EXPECT_CALL(fs, read("/fake/tainted"))
      .WillOnce(Return(util::Result<std::string>("1048577\n")));
  EXPECT_CALL(fs, exists("/fake/module")).WillOnce(Return(true));
  Interface iface(fs, fake_paths());

  EXPECT_EQ(iface.engaged()->size(), 1U);
  EXPECT_EQ(*iface.taint_flag(), true);
  EXPECT_EQ(*iface.kernel_taint(), 1048577U);
  EXPECT_TRUE(iface.module_loaded());
}

TEST(Interface, ReadErrorsAndParseErrorsPassUp) {
  StrictMock<MockFilesystem> fs;
  EXPECT_CALL(fs, read("/fake/ks/engaged"))
      .WillOnce(
          Return(util::fail(util::Error::from_code(EACCES, "open", "e"))));
  EXPECT_CALL(fs, read("/fake/ks/taint"))
      .WillOnce(Return(util::Result<std::string>("maybe\n")));
  Interface iface(fs, fake_paths());

  EXPECT_EQ(iface.engaged().error().code, EACCES);
  EXPECT_EQ(iface.taint_flag().error().op, "parse");
}

} // namespace
} // namespace killswitch::kernel_iface
