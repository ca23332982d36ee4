// check(): ftrace site, kprobe blacklist, __init.

#include "check_fixture.h"

namespace killswitch::analysis {
namespace {

using testing::has;
using testing::message;

class Probe : public testing::CheckTest {};

TEST_F(Probe, AllClear) {
  const Report r = run("tcp_sendmsg", -1);
  EXPECT_EQ(r.probe.ftrace_site, Answer::yes);
  EXPECT_EQ(r.probe.blacklisted, Answer::no);
  EXPECT_EQ(r.probe.init_section, Answer::no);
}

TEST_F(Probe, NoFtraceSite) {
  const Report r = run("notrace_helper", -1);
  EXPECT_EQ(r.probe.ftrace_site, Answer::no);
  EXPECT_NE(message(r, "no-ftrace-site").find("EOPNOTSUPP"), std::string::npos);
  EXPECT_EQ(r.verdict.level, Level::refuse);
}

TEST_F(Probe, ModuleSiteMustBeInThatModule) {
  // ext4_file_open's site is listed as "[ext4]", so it counts for ext4.
  EXPECT_EQ(run("ext4:ext4_file_open").probe.ftrace_site, Answer::yes);
  view_.file("/sys/kernel/tracing/available_filter_functions",
             "ext4_file_open\n");
  EXPECT_EQ(run("ext4:ext4_file_open").probe.ftrace_site, Answer::no);
}

TEST_F(Probe, Blacklisted) {
  const Report r = run("dummy_mod:mod_only", 0);
  EXPECT_EQ(r.probe.blacklisted, Answer::yes);
  EXPECT_NE(message(r, "blacklisted").find("EINVAL"), std::string::npos);
  EXPECT_TRUE(has(run("kprobe_int3_handler"), "blacklisted"));
}

TEST_F(Probe, InitFunction) {
  const Report r = run("start_kernel");
  EXPECT_EQ(r.probe.init_section, Answer::yes);
  EXPECT_NE(message(r, "init-section").find("_sinittext"), std::string::npos);

  const Report ko = run("af_alg:af_alg_init");
  EXPECT_EQ(ko.probe.init_section, Answer::yes);
  EXPECT_NE(message(ko, "init-section").find(".init.text"), std::string::npos);
  EXPECT_NE(message(ko, "init-section").find("once af_alg has"),
            std::string::npos);
}

TEST_F(Probe, TracefsMissing) {
  view_.remove("/sys/kernel/tracing/available_filter_functions");
  const Report r = run("tcp_sendmsg", -1);
  EXPECT_EQ(r.probe.ftrace_site, Answer::unknown);
  EXPECT_EQ(r.verdict.level, Level::warn); // warn, not refuse
  EXPECT_NE(message(r, "tracefs-unavailable")
                .find("/sys/kernel/tracing/available_filter_functions: not "
                      "mounted"),
            std::string::npos);
  EXPECT_EQ(r.probe.init_section, Answer::no); // from the address
}

TEST_F(Probe, TracefsUnderDebugfs) {
  view_.remove("/sys/kernel/tracing/available_filter_functions")
      .file("/sys/kernel/debug/tracing/available_filter_functions",
            testing::fixture("available_filter_functions.txt"));
  EXPECT_EQ(run("tcp_sendmsg").probe.ftrace_site, Answer::yes);
}

TEST_F(Probe, TracefsUnreadable) {
  view_.failing("/sys/kernel/tracing/available_filter_functions", EACCES);
  EXPECT_NE(message(run("tcp_sendmsg"), "tracefs-unavailable")
                .find("Permission denied"),
            std::string::npos);
}

TEST_F(Probe, TracefsMalformed) {
  view_.file("/sys/kernel/tracing/available_filter_functions",
             "tcp_sendmsg [broken\n");
  const Report r = run("tcp_sendmsg");
  EXPECT_EQ(r.probe.ftrace_site, Answer::unknown);
  EXPECT_TRUE(has(r, "tracefs-unavailable"));
}

TEST_F(Probe, BlacklistMissingOrMalformed) {
  view_.remove("/sys/kernel/debug/kprobes/blacklist");
  const Report missing = run("tcp_sendmsg", -1);
  EXPECT_EQ(missing.probe.blacklisted, Answer::unknown);
  EXPECT_EQ(missing.verdict.level, Level::warn);
  EXPECT_TRUE(has(missing, "blacklist-unavailable"));

  view_.file("/sys/kernel/debug/kprobes/blacklist", "junk\n");
  EXPECT_NE(message(run("tcp_sendmsg"), "blacklist-unavailable").find("line 1"),
            std::string::npos);
}

TEST_F(Probe, InitUnknownWithoutAddressOrTracefs) {
  view_.file("/proc/kallsyms", testing::fixture("kallsyms-hidden.txt"))
      .remove("/sys/kernel/tracing/available_filter_functions");
  const Report r = run("tcp_sendmsg", -1);
  EXPECT_EQ(r.probe.init_section, Answer::unknown);
  EXPECT_TRUE(has(r, "init-unknown"));
  // A loaded module's symbols are never init code once it is in kallsyms.
  EXPECT_EQ(run("ext4:ext4_file_open").probe.init_section, Answer::no);
}

} // namespace
} // namespace killswitch::analysis
