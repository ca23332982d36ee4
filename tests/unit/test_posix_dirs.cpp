#include <algorithm>
#include <fstream>
#include <sstream>

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "kernel_iface/posix_filesystem.h"
#include "temp_dir.h"

namespace killswitch::kernel_iface {
namespace {

using killswitch::testing::TempDir;

TEST(PosixFilesystem, ListDir) {
  TempDir dir;
  dir.write("d/b.conf", "");
  dir.write("d/a.conf", "");
  dir.write("d/sub/c", "");

  auto names = PosixFilesystem().list_dir(dir.path("d"));
  ASSERT_TRUE(names);
  std::sort(names->begin(), names->end());
  EXPECT_EQ(*names, (std::vector<std::string>{"a.conf", "b.conf", "sub"}));

  auto missing = PosixFilesystem().list_dir(dir.path("none"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ENOENT);
  EXPECT_EQ(missing.error().op, "open");
}

TEST(PosixFilesystem, MakeDirIsIdempotent) {
  TempDir dir;
  PosixFilesystem fs;
  EXPECT_TRUE(fs.make_dir(dir.path("state")));
  EXPECT_TRUE(fs.make_dir(dir.path("state")));
  struct stat st {};
  ASSERT_EQ(::stat(dir.path("state").c_str(), &st), 0);
  EXPECT_TRUE(S_ISDIR(st.st_mode));

  auto nested = fs.make_dir(dir.path("no/parent"));
  ASSERT_FALSE(nested);
  EXPECT_EQ(nested.error().code, ENOENT);
}

TEST(PosixFilesystem, ReplaceSwapsTheWholeFile) {
  TempDir dir;
  PosixFilesystem fs;
  const auto file = dir.write("owned.json", "a much longer old content\n");

  ASSERT_TRUE(fs.replace(file, "new\n"));
  std::ostringstream s;
  s << std::ifstream(file).rdbuf();
  EXPECT_EQ(s.str(), "new\n");
  EXPECT_FALSE(fs.exists(file + ".tmp"));

  auto nowhere = fs.replace(dir.path("none/owned.json"), "x");
  ASSERT_FALSE(nowhere);
  EXPECT_EQ(nowhere.error().code, ENOENT);
}

} // namespace
} // namespace killswitch::kernel_iface
