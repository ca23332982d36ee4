#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "kernel_iface/posix_filesystem.h"
#include "temp_dir.h"

namespace killswitch::kernel_iface {
namespace {

using killswitch::testing::TempDir;

std::string slurp(const std::string& path) {
  std::ostringstream s;
  s << std::ifstream(path).rdbuf();
  return s.str();
}

TEST(PosixFilesystem, ExistsAndRead) {
  TempDir dir;
  PosixFilesystem fs;
  const auto file = dir.write("engaged", "f retval=0 hits=1\n");

  EXPECT_TRUE(fs.exists(dir.path()));
  EXPECT_TRUE(fs.exists(file));
  EXPECT_FALSE(fs.exists(dir.path("missing")));
  EXPECT_EQ(*fs.read(file), "f retval=0 hits=1\n");
}

TEST(PosixFilesystem, ReadsLargerThanOneBuffer) {
  TempDir dir;
  const std::string big(10000, 'x');
  EXPECT_EQ(*PosixFilesystem().read(dir.write("big", big)), big);
}

TEST(PosixFilesystem, WriteOnceReplacesTheContent) {
  TempDir dir;
  PosixFilesystem fs;
  const auto control = dir.write("control", "something longer\n");

  ASSERT_TRUE(fs.write_once(control, "disengage f\n"));
  EXPECT_EQ(slurp(control), "disengage f\n");
}

TEST(PosixFilesystem, ErrorsNameTheStep) {
  TempDir dir;
  PosixFilesystem fs;

  auto read = fs.read(dir.path("missing"));
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ENOENT);
  EXPECT_EQ(read.error().op, "open");

  // No O_CREAT: the control file must already be there.
  auto write = fs.write_once(dir.path("control"), "x\n");
  ASSERT_FALSE(write);
  EXPECT_EQ(write.error().code, ENOENT);
  EXPECT_EQ(write.error().op, "open");
  EXPECT_FALSE(fs.exists(dir.path("control")));

  auto dir_read = fs.read(dir.path());
  ASSERT_FALSE(dir_read);
  EXPECT_EQ(dir_read.error().code, EISDIR);
  EXPECT_EQ(dir_read.error().op, "read");
}

} // namespace
} // namespace killswitch::kernel_iface
