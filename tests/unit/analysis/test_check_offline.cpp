// check() with --kernel-release for a kernel that is not running.

#include "check_fixture.h"

namespace killswitch::analysis {
namespace {

using testing::has;
using testing::kOther;
using testing::message;

class Offline : public testing::CheckTest {};

TEST_F(Offline, VmlinuxFunctionFromBtfOnly) {
  const Report r = run("f_int", -1, kOther);
  EXPECT_FALSE(r.running_kernel);
  EXPECT_EQ(r.kernel_release, kOther);
  ASSERT_TRUE(r.location);
  EXPECT_EQ(r.location->source, "btf");
  EXPECT_TRUE(has(r, "system-map-unusable")); // Debian's placeholder
  EXPECT_TRUE(has(r, "no-symbol-table"));
  EXPECT_TRUE(has(r, "probe-unknown"));
  EXPECT_EQ(r.type.btf_source, "/lib/modules/6.12.9-test/build/vmlinux");
  EXPECT_EQ(r.verdict.level, Level::warn);
}

TEST_F(Offline, SystemMapPlaceholderIsNamed) {
  // Debian's one-line stub is not reported as a malformed line of symbols.
  EXPECT_EQ(message(run("f_int", -1, kOther), "system-map-unusable"),
            "/boot/System.map-6.12.9-test is a placeholder, not a symbol "
            "table: \"The real System.map is in the linux-image-<version>-dbg "
            "package\"");

  view_.file("/boot/System.map-6.12.9-test",
             "ffffffff81000000 T _stext\nnot-an-address T f_int\n");
  const std::string broken =
      message(run("f_int", -1, kOther), "system-map-unusable");
  EXPECT_TRUE(broken.starts_with("/boot/System.map-6.12.9-test is not a "
                                 "symbol table: line 2"))
      << broken;
}

TEST_F(Offline, LiveFilesAreNotUsed) {
  // kallsyms names tcp_sendmsg_locked, but it is the running kernel's.
  EXPECT_TRUE(has(run("tcp_sendmsg_locked", -1, kOther), "not-found"));
}

TEST_F(Offline, NothingToLookIn) {
  view_.remove("/lib/modules/6.12.9-test/build/vmlinux");
  EXPECT_TRUE(has(run("f_int", -1, kOther), "no-symbols"));
}

TEST_F(Offline, SystemMap) {
  std::string map;
  for (const auto line :
       {"ffffffff81000000 T _stext", "ffffffff81100010 T f_int",
        "ffffffff81100400 t f_int.cold", "ffffffff83000000 T _sinittext",
        "ffffffff83000100 T f_void", "ffffffff83100000 T _einittext"})
    map += std::string(line) + "\n";
  view_.file("/boot/System.map-6.12.9-test", map);

  const Report r = run("f_int", -1, kOther);
  ASSERT_TRUE(r.location);
  EXPECT_EQ(r.location->source, "System.map");
  EXPECT_EQ(r.clones.size(), 1u);
  EXPECT_FALSE(has(r, "no-symbol-table"));

  const Report init = run("f_void", std::nullopt, kOther);
  EXPECT_EQ(init.probe.init_section, Answer::yes);
}

TEST_F(Offline, ModuleFromXzKo) {
  const Report r = run("af_alg:af_alg_accept", -1, kOther);
  ASSERT_TRUE(r.location) << testing::codes(r).front() << ": "
                          << r.verdict.reasons.front().message;
  EXPECT_EQ(r.location->file,
            "/lib/modules/6.12.9-test/kernel/crypto/af_alg.ko.xz");
  ASSERT_TRUE(r.type.return_type);
  EXPECT_EQ(r.type.return_type->spelling, "int");
  EXPECT_FALSE(has(r, "module-not-loaded")); // nothing is loaded there
  EXPECT_EQ(r.verdict.level, Level::warn);   // probe-unknown
}

TEST_F(Offline, ModuleProblems) {
  EXPECT_TRUE(has(run("vfat:vfat_lookup", 0, kOther), "module-builtin"));
  EXPECT_NE(message(run("nosuch:f", 0, kOther), "module-not-found")
                .find("is installed under /lib/modules/6.12.9-test"),
            std::string::npos);
}

TEST_F(Offline, RunningReleaseByNameIsLive) {
  const Report r = run("tcp_sendmsg", -1, testing::kRelease);
  EXPECT_TRUE(r.running_kernel);
  EXPECT_EQ(r.location->source, "kallsyms");
}

TEST_F(Offline, UnderAnotherRoot) {
  testing::FixtureView rooted;
  rooted.file("/img/lib/modules/6.12.9-test/build/vmlinux",
              *view_.read_file("/lib/modules/6.12.9-test/build/vmlinux"));
  CheckOptions options;
  options.target = *symbols::parse_symbol_name("f_int");
  options.root = "/img";
  options.kernel_release = kOther;
  auto r = check(rooted, options); // no /img/proc at all
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_FALSE(r->running_kernel);
  EXPECT_EQ(r->type.btf_source, "/img/lib/modules/6.12.9-test/build/vmlinux");
}

} // namespace
} // namespace killswitch::analysis
