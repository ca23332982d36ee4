#include <filesystem>

#include <gtest/gtest.h>

#include "kernel_iface/posix_filesystem.h"
#include "policy/sources.h"
#include "temp_dir.h"

namespace killswitch::policy {
namespace {

using killswitch::testing::TempDir;

std::string entry(const char* target, int retval, const char* id) {
  return std::string("[[engage]]\ntarget = \"") + target +
         "\"\nretval = " + std::to_string(retval) + "\nid = \"" + id +
         "\"\nreason = \"r\"\n";
}

TEST(SelectFiles, SystemdDropInOrder) {
  const std::vector<DirListing> dirs = {
      {"/etc/killswitch.d", {"50-b.conf", "10-a.conf", "README", ".x.conf"}},
      {"/run/killswitch.d", {"50-b.conf", "30-run.conf", "20-a.conf"}},
      {"/usr/lib/killswitch.d",
       {"10-a.conf", "30-run.conf", "99-z.conf", "notconf", ".conf"}},
  };
  EXPECT_EQ(select_files(dirs),
            (std::vector<std::string>{
                "/etc/killswitch.d/10-a.conf", "/run/killswitch.d/20-a.conf",
                "/run/killswitch.d/30-run.conf", "/etc/killswitch.d/50-b.conf",
                "/usr/lib/killswitch.d/99-z.conf"}));
}

struct Tree {
  TempDir tmp;
  kernel_iface::PosixFilesystem fs;

  std::vector<std::string> dirs() const {
    return {tmp.path("etc"), tmp.path("run"), tmp.path("usr")};
  }
  Policy load() const { return load_policy(fs, dirs()); }
};

TEST(LoadPolicy, EtcHidesUsrLibAndMissingDirsAreFine) {
  Tree t;
  t.tmp.write("usr/10-a.conf", entry("from_usr", 1, "U"));
  t.tmp.write("usr/20-b.conf", entry("other", 2, "O"));
  t.tmp.write("etc/10-a.conf", entry("from_etc", 3, "E"));

  auto p = t.load();
  EXPECT_TRUE(p.problems.empty());
  EXPECT_EQ(p.files, (std::vector<std::string>{t.tmp.path("etc/10-a.conf"),
                                               t.tmp.path("usr/20-b.conf")}));
  ASSERT_EQ(p.entries.size(), 2u);
  EXPECT_EQ(p.entries[0].target.symbol, "from_etc");
  EXPECT_EQ(p.entries[1].target.symbol, "other");
}

TEST(LoadPolicy, ALinkToDevNullMasks) {
  Tree t;
  t.tmp.write("usr/10-a.conf", entry("masked", 1, "M"));
  std::filesystem::create_directories(t.tmp.path("etc"));
  std::filesystem::create_symlink("/dev/null", t.tmp.path("etc/10-a.conf"));

  auto p = t.load();
  EXPECT_TRUE(p.problems.empty());
  EXPECT_TRUE(p.entries.empty());
}

TEST(LoadPolicy, ALaterEntryForTheSameTargetReplacesAnEarlierOne) {
  Tree t;
  t.tmp.write("usr/10-vendor.conf", entry("f", -1, "V") + entry("g", 0, "G"));
  t.tmp.write("etc/90-local.conf", entry("f", -22, "L"));

  auto p = t.load();
  ASSERT_EQ(p.entries.size(), 2u);
  EXPECT_EQ(p.entries[0].target.symbol, "f");
  EXPECT_EQ(p.entries[0].retval, -22);
  EXPECT_EQ(p.entries[0].id, "L");
  ASSERT_EQ(p.overrides.size(), 1u);
  EXPECT_EQ(p.overrides[0].target, "f");
  EXPECT_EQ(p.overrides[0].replaced,
            t.tmp.path("usr/10-vendor.conf") + " entry 1");
  EXPECT_EQ(p.overrides[0].by, t.tmp.path("etc/90-local.conf") + " entry 1");
}

TEST(LoadPolicy, ErrorsInOneFileNeverStopTheOthers) {
  Tree t;
  t.tmp.write("etc/10-broken.conf", "[[engage]\n");
  t.tmp.write("etc/20-bad-entry.conf",
              entry("good", 0, "G") + "[[engage]]\ntarget = \"x\"\n");
  t.tmp.write("etc/30-fine.conf", entry("fine", 1, "F"));
  std::filesystem::create_directories(t.tmp.path("etc/40-dir.conf"));

  auto p = t.load();
  ASSERT_EQ(p.entries.size(), 2u);
  EXPECT_EQ(p.entries[0].target.symbol, "good");
  EXPECT_EQ(p.entries[1].target.symbol, "fine");

  std::string where;
  for (const auto& problem : p.problems)
    where += problem.where + "\n";
  EXPECT_NE(where.find(t.tmp.path("etc/10-broken.conf") + ":1"),
            std::string::npos)
      << where;
  EXPECT_NE(where.find(t.tmp.path("etc/20-bad-entry.conf") + ":"),
            std::string::npos);
  EXPECT_NE(where.find(t.tmp.path("etc/40-dir.conf") + "\n"),
            std::string::npos);
}

TEST(LoadPolicy, AnUnreadableDirectoryIsAProblem) {
  Tree t;
  t.tmp.write("etc", "a file, not a directory");
  t.tmp.write("usr/10-a.conf", entry("f", 1, "A"));
  auto p = t.load();
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_EQ(p.problems[0].where, t.tmp.path("etc"));
  EXPECT_EQ(p.entries.size(), 1u);
}

TEST(MergeEntries, CommandLineComesLast) {
  Policy p;
  Entry file_entry;
  file_entry.target.symbol = "f";
  file_entry.retval = -1;
  file_entry.source = "/etc/killswitch.d/a.conf";
  file_entry.index = 1;
  merge_entries(p, {file_entry});

  Entry cmdline = file_entry;
  cmdline.retval = 0;
  cmdline.source = "/proc/cmdline";
  merge_entries(p, {cmdline});

  ASSERT_EQ(p.entries.size(), 1u);
  EXPECT_EQ(p.entries[0].retval, 0);
  ASSERT_EQ(p.overrides.size(), 1u);
  EXPECT_EQ(p.overrides[0].by, "/proc/cmdline entry 1");
}

} // namespace
} // namespace killswitch::policy
