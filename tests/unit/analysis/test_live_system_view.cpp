#include <algorithm>

#include <gtest/gtest.h>

#include "analysis/live_system_view.h"
#include "temp_dir.h"

namespace killswitch::analysis {
namespace {

using killswitch::testing::TempDir;

TEST(LiveSystemView, ReadsFiles) {
  TempDir dir;
  LiveSystemView view;
  const std::string big(300 * 1024, 'k'); // more than one read buffer
  const auto small = dir.write("small", "6.1.0\n");
  const auto large = dir.write("large", big);
  EXPECT_TRUE(view.exists(small));
  EXPECT_EQ(*view.read_file(small), "6.1.0\n");
  EXPECT_EQ(*view.read_file(large), big);
  EXPECT_EQ(*view.read_file(dir.write("empty", "")), "");
}

TEST(LiveSystemView, ReadsProcFiles) {
  // /proc files report size 0 and must be read to EOF.
  LiveSystemView view;
  auto text = view.read_file("/proc/self/status");
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("Name:"), std::string::npos);
}

TEST(LiveSystemView, ListsDirectories) {
  TempDir dir;
  LiveSystemView view;
  dir.write("a/x.ko", "");
  dir.write("b", "");
  auto names = view.list_dir(dir.path());
  ASSERT_TRUE(names);
  std::sort(names->begin(), names->end());
  EXPECT_EQ(*names, (std::vector<std::string>{"a", "b"}));
}

TEST(LiveSystemView, Errors) {
  TempDir dir;
  LiveSystemView view;
  EXPECT_FALSE(view.exists(dir.path("missing")));
  auto missing = view.read_file(dir.path("missing"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ENOENT);
  EXPECT_EQ(missing.error().op, "open");

  auto is_dir = view.read_file(dir.path());
  ASSERT_FALSE(is_dir);
  EXPECT_EQ(is_dir.error().code, EISDIR);
  EXPECT_EQ(is_dir.error().op, "read");

  auto no_dir = view.list_dir(dir.path("missing"));
  ASSERT_FALSE(no_dir);
  EXPECT_EQ(no_dir.error().code, ENOENT);
}

} // namespace
} // namespace killswitch::analysis
