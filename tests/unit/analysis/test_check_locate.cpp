// check(): where the target is, duplicates, clones, modules.

#include "check_fixture.h"

namespace killswitch::analysis {
namespace {

using testing::has;
using testing::message;
using Codes = std::vector<std::string>;

class Locate : public testing::CheckTest {};

TEST_F(Locate, PlainFunctionIsOk) {
  const Report r = run("af_alg_sendmsg", -1);
  EXPECT_EQ(r.verdict.level, Level::ok);
  ASSERT_TRUE(r.location);
  EXPECT_TRUE(r.location->entry.in_vmlinux());
  EXPECT_EQ(r.location->source, "kallsyms");
  EXPECT_EQ(r.location->entry.address, 0xffffffff81100010u);
  EXPECT_EQ(r.kernel_release, testing::kRelease);
  EXPECT_TRUE(r.running_kernel);
  EXPECT_EQ(r.candidates.size(), 1u);
  ASSERT_EQ(r.clones.size(), 1u); // af_alg_sendmsg.cold, covered
  EXPECT_TRUE(has(r, "cold-fragments"));
}

TEST_F(Locate, DuplicatesInVmlinuxAndModule) {
  view_.file("/proc/kallsyms", testing::fixture("kallsyms-duplicates.txt"));
  const Report r = run("cleanup_entry");
  EXPECT_EQ(r.verdict.level, Level::refuse);
  EXPECT_FALSE(r.location);
  ASSERT_EQ(r.candidates.size(), 3u);
  EXPECT_EQ(r.candidates[2].entry.module, "nf_tables");
  EXPECT_EQ(r.candidates[2].file,
            "/lib/modules/6.1.0-test-amd64/kernel/net/netfilter/nf_tables.ko");
  const std::string m = message(r, "duplicate");
  EXPECT_NE(m.find("3 functions are named cleanup_entry"), std::string::npos);
  EXPECT_NE(m.find("the 2 in vmlinux cannot be told apart"), std::string::npos);
  EXPECT_NE(m.find("nf_tables:cleanup_entry"), std::string::npos) << m;
  EXPECT_EQ(r.clones.size(), 1u);
}

TEST_F(Locate, DuplicateOnceInVmlinux) {
  view_.file("/proc/kallsyms", testing::fixture("kallsyms-duplicates.txt"));
  const Report r = run("show_stats");
  const std::string m = message(r, "duplicate");
  EXPECT_NE(m.find("would engage the one in vmlinux"), std::string::npos) << m;
  EXPECT_NE(m.find("nf_tables:show_stats"), std::string::npos) << m;
}

TEST_F(Locate, DuplicateOnlyInModules) {
  view_.file("/proc/kallsyms", testing::fixture("kallsyms-duplicates.txt"));
  const Report r = run("only_in_mods");
  const std::string m = message(r, "duplicate");
  EXPECT_NE(m.find("mod_a:only_in_mods, mod_b:only_in_mods"), std::string::npos)
      << m;
  EXPECT_EQ(m.find("vmlinux"), std::string::npos) << m;
}

TEST_F(Locate, ModulePicksOneDuplicate) {
  view_.file("/proc/kallsyms", testing::fixture("kallsyms-duplicates.txt"));
  const Report r = run("nf_tables:cleanup_entry", -1);
  ASSERT_TRUE(r.location);
  EXPECT_EQ(r.location->entry.module, "nf_tables");
  EXPECT_TRUE(r.location->loaded);
  EXPECT_FALSE(has(r, "duplicate"));
  EXPECT_NE(message(r, "duplicate-elsewhere").find("vmlinux, vmlinux"),
            std::string::npos);
  EXPECT_TRUE(r.clones.empty()); // the .isra clone is vmlinux's
}

TEST_F(Locate, DuplicateWithinOneModule) {
  view_.file("/proc/kallsyms", testing::fixture("kallsyms-duplicates.txt"));
  const Report r = run("mod_c:in_one_mod_twice");
  EXPECT_NE(message(r, "duplicate").find("the 2 in mod_c cannot be told apart"),
            std::string::npos);
}

TEST_F(Locate, ClonesOnly) {
  view_.file("/proc/kallsyms", testing::fixture("kallsyms-clones-only.txt"));
  const Report r = run("sock_def_readable");
  EXPECT_EQ(r.verdict.level, Level::refuse);
  EXPECT_FALSE(has(r, "not-found"));
  EXPECT_EQ(r.clones.size(), 4u);
  const std::string m = message(r, "clone-only");
  EXPECT_NE(m.find("sock_def_readable.isra.0 (whole copy)"), std::string::npos);
  EXPECT_NE(m.find("sock_def_readable.part.0 (outlined tail"),
            std::string::npos);
  EXPECT_NE(m.find("sock_def_readable.cold (cold fragment)"),
            std::string::npos);
  EXPECT_NE(m.find("engage a clone by its full name"), std::string::npos);
}

TEST_F(Locate, OnlyAColdFragment) {
  view_.file("/proc/kallsyms", testing::fixture("kallsyms-clones-only.txt"));
  const Report r = run("only_cold");
  EXPECT_NE(message(r, "clone-only").find("cold fragments cannot be engaged"),
            std::string::npos);
}

TEST_F(Locate, ThinLtoRename) {
  view_.file("/proc/kallsyms", testing::fixture("kallsyms-clones-only.txt"));
  EXPECT_NE(message(run("lto_victim"), "clone-only").find("renamed by LTO"),
            std::string::npos);
  const Report renamed = run("lto_victim.llvm.1234567890");
  EXPECT_TRUE(has(renamed, "target-renamed"));
  EXPECT_TRUE(renamed.location);
}

TEST_F(Locate, ClonesAreNotStopped) {
  const Report r = run("tcp_probe_timer");
  EXPECT_EQ(r.verdict.level, Level::warn);
  EXPECT_NE(message(r, "clones").find("tcp_probe_timer.isra.0 (whole copy)"),
            std::string::npos);
}

TEST_F(Locate, PartialInliningTail) {
  const Report r = run("tcp_sendmsg_locked");
  EXPECT_NE(message(r, "clones").find("tcp_sendmsg_locked.part.0"),
            std::string::npos);
  EXPECT_TRUE(has(run("tcp_sendmsg_locked.part.0"), "target-part"));
}

TEST_F(Locate, TargetIsAClone) {
  const Report r = run("tcp_probe_timer.isra.0");
  ASSERT_TRUE(r.location);
  EXPECT_EQ(r.location->entry.name, "tcp_probe_timer.isra.0");
  EXPECT_NE(message(r, "target-copy").find("may not return"),
            std::string::npos);
  ASSERT_EQ(r.clones.size(), 1u);
  EXPECT_EQ(r.clones[0].shape, CloneShape::original);
  EXPECT_TRUE(has(r, "clones"));
}

TEST_F(Locate, TargetIsACold) {
  EXPECT_TRUE(has(run("af_alg_sendmsg.cold"), "target-cold"));
}

TEST_F(Locate, DataIsNotAFunction) {
  const Report r = run("tcp_sendmsg_stats");
  EXPECT_NE(message(r, "not-function").find("type 'D'"), std::string::npos);
  EXPECT_FALSE(r.location);
}

TEST_F(Locate, NotFound) {
  const Report r = run("no_such_function", -1);
  EXPECT_EQ(r.verdict.level, Level::refuse);
  EXPECT_NE(message(r, "not-found").find("MODULE:no_such_function"),
            std::string::npos);
  EXPECT_FALSE(r.location);
  EXPECT_FALSE(r.type.return_type);
}

TEST_F(Locate, HiddenAddresses) {
  view_.file("/proc/kallsyms", testing::fixture("kallsyms-hidden.txt"))
      .file("/sys/kernel/debug/kprobes/blacklist",
            testing::fixture("kprobes-blacklist-hidden.txt"));
  const Report r = run("af_alg_sendmsg", -1);
  EXPECT_TRUE(r.addresses_hidden);
  EXPECT_TRUE(has(r, "addresses-hidden"));
  EXPECT_NE(message(r, "addresses-hidden").find("addresses hidden"),
            std::string::npos);
  ASSERT_TRUE(r.location);
  EXPECT_EQ(r.location->entry.address, 0u);
  EXPECT_EQ(r.probe.init_section, Answer::no); // it has an ftrace site
  EXPECT_EQ(r.verdict.level, Level::ok);

  EXPECT_TRUE(has(run("kprobe_int3_handler"), "blacklisted")); // by name
}

TEST_F(Locate, LoadedModule) {
  const Report r = run("ext4:ext4_file_open", -1);
  ASSERT_TRUE(r.location);
  EXPECT_EQ(r.location->entry.module, "ext4");
  EXPECT_TRUE(r.location->loaded);
  EXPECT_EQ(r.clones.size(), 1u);
  EXPECT_EQ(r.verdict.level, Level::ok);
  // The plain name finds it too, as the only one.
  EXPECT_EQ(run("ext4_file_open", -1).location->entry.module, "ext4");
}

TEST_F(Locate, UnloadedModuleFromItsKo) {
  const Report r = run("af_alg:af_alg_accept", -1);
  ASSERT_TRUE(r.location);
  EXPECT_FALSE(r.location->loaded);
  EXPECT_EQ(r.location->source, "ko");
  EXPECT_EQ(r.location->file,
            "/lib/modules/6.1.0-test-amd64/kernel/crypto/af_alg.ko.zst");
  EXPECT_EQ(r.location->entry.section, ".text");
  EXPECT_TRUE(has(r, "module-not-loaded"));
  EXPECT_TRUE(has(r, "probe-unknown"));
  EXPECT_EQ(r.verdict.level, Level::warn);
}

TEST_F(Locate, UnloadedModuleDuplicateAndMissing) {
  EXPECT_NE(message(run("af_alg:twice"), "duplicate").find("the 2 in af_alg"),
            std::string::npos);
  EXPECT_TRUE(has(run("af_alg:nothing_here"), "not-found"));
  EXPECT_TRUE(has(run("af_alg:af_alg_state"), "not-function"));
}

TEST_F(Locate, UnreadableModule) {
  view_.file("/lib/modules/6.1.0-test-amd64/kernel/crypto/af_alg.ko.zst",
             testing::zstd_compress("not an ELF"));
  EXPECT_TRUE(has(run("af_alg:af_alg_accept"), "module-unreadable"));
  view_.file("/lib/modules/6.1.0-test-amd64/kernel/crypto/af_alg.ko.zst",
             "\x28\xb5\x2f\xfd garbage");
  EXPECT_TRUE(has(run("af_alg:af_alg_accept"), "module-unreadable"));
}

TEST_F(Locate, ModuleProblems) {
  EXPECT_TRUE(has(run("vfat:vfat_lookup"), "module-builtin"));
  EXPECT_TRUE(has(run("nosuch:f"), "module-not-found"));

  const Report dashed = run("snd-hda-intel:azx_probe");
  EXPECT_EQ(dashed.module, "snd_hda_intel");
  EXPECT_EQ(dashed.target, "snd_hda_intel:azx_probe");
  EXPECT_FALSE(has(dashed, "module-name"));

  view_.remove("/proc/modules");
  EXPECT_TRUE(has(run("nosuch:f"), "no-module-support"));
}

TEST_F(Locate, ModuleFileWithoutModulesDep) {
  view_.remove("/lib/modules/6.1.0-test-amd64/modules.dep");
  const Report r = run("af_alg:af_alg_accept");
  ASSERT_TRUE(r.location) << testing::codes(r).front();
  EXPECT_EQ(r.location->file,
            "/lib/modules/6.1.0-test-amd64/kernel/crypto/af_alg.ko.zst");
}

TEST_F(Locate, NotKernelCode) {
  EXPECT_TRUE(has(run("ks_ftrace_handler"), "killswitch-self"));
  EXPECT_TRUE(has(run("killswitch:ks_ftrace_handler"), "killswitch-self"));
  EXPECT_TRUE(
      has(run("bpf_prog_6deef7357e7b4530_sd_fw_egress"), "not-kernel-code"));
  EXPECT_TRUE(has(run("ftrace_trampoline"), "not-kernel-code"));
  EXPECT_TRUE(has(run("__pfx_af_alg_sendmsg"), "padding"));
}

TEST_F(Locate, CoreFunction) {
  const Report r = run("schedule");
  EXPECT_EQ(r.core_area, "scheduler");
  EXPECT_NE(message(r, "core-function").find("unless --force"),
            std::string::npos);
  EXPECT_EQ(r.verdict.level, Level::refuse);
}

TEST_F(Locate, FatalErrors) {
  CheckOptions options;
  options.target = *symbols::parse_symbol_name("f");

  view_.file("/proc/kallsyms", testing::fixture("kallsyms-malformed.txt"));
  options.target.symbol = "broken_function";
  auto malformed = check(view_, options);
  ASSERT_FALSE(malformed);
  EXPECT_NE(malformed.error().message.find("/proc/kallsyms: line 3"),
            std::string::npos)
      << malformed.error().message;

  view_.failing("/proc/kallsyms", EACCES);
  auto denied = check(view_, options);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().code, EACCES);

  view_.remove("/proc/sys/kernel/osrelease");
  auto no_release = check(view_, options);
  ASSERT_FALSE(no_release);
  EXPECT_EQ(no_release.error().code, ENOENT);
}

TEST_F(Locate, MalformedProcModules) {
  view_.file("/proc/modules", "garbage\n");
  CheckOptions options;
  options.target = *symbols::parse_symbol_name("ext4:ext4_file_open");
  auto report = check(view_, options);
  ASSERT_FALSE(report);
  EXPECT_NE(report.error().message.find("/proc/modules line 1"),
            std::string::npos);
}

} // namespace
} // namespace killswitch::analysis
