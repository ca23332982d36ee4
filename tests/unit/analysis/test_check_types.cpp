// check(): the return type from BTF and the RETVAL held to it.

#include "check_fixture.h"

namespace killswitch::analysis {
namespace {

using testing::has;
using testing::message;

class Types : public testing::CheckTest {};

TEST_F(Types, IntSuggestsEperm) {
  const Report r = run("af_alg_sendmsg");
  ASSERT_TRUE(r.type.return_type);
  EXPECT_EQ(r.type.return_type->spelling, "int");
  EXPECT_EQ(r.type.btf_source, "/sys/kernel/btf/vmlinux");
  EXPECT_EQ(r.type.btf_function, "af_alg_sendmsg");
  EXPECT_EQ(r.suggested_retval, -1);
  EXPECT_FALSE(r.retval);
}

TEST_F(Types, RetvalGivenIsChecked) {
  const Report r = run("af_alg_sendmsg", 5000000000);
  EXPECT_FALSE(r.suggested_retval);
  EXPECT_TRUE(has(r, "retval-range"));
  EXPECT_EQ(r.verdict.level, Level::refuse);
}

TEST_F(Types, VoidFunction) {
  const Report r = run("calibrate_delay", 1);
  EXPECT_TRUE(has(r, "void-body-skipped"));
  EXPECT_TRUE(has(r, "retval-void"));
  EXPECT_EQ(run("calibrate_delay", 0).verdict.level, Level::ok);
}

TEST_F(Types, LoadedModuleUsesItsSplitBtf) {
  const Report r = run("ext4:ext4_file_open", -1);
  ASSERT_TRUE(r.type.return_type);
  EXPECT_EQ(r.type.btf_source, "/sys/kernel/btf/ext4");
  EXPECT_EQ(r.type.return_type->spelling, "int");
}

TEST_F(Types, UnloadedModuleUsesItsKo) {
  const Report r = run("af_alg:af_alg_release");
  ASSERT_TRUE(r.type.return_type);
  EXPECT_EQ(r.type.return_type->type_class, TypeClass::void_type);
  EXPECT_EQ(r.type.btf_source,
            "/lib/modules/6.1.0-test-amd64/kernel/crypto/af_alg.ko.zst");
  EXPECT_EQ(r.suggested_retval, 0);
}

TEST_F(Types, NoBtf) {
  view_.remove("/sys/kernel/btf/vmlinux");
  const Report r = run("af_alg_sendmsg", -1);
  EXPECT_FALSE(r.type.return_type);
  EXPECT_TRUE(r.type.btf_source.empty());
  EXPECT_NE(message(r, "btf-unavailable").find("no vmlinux BTF"),
            std::string::npos);
  EXPECT_EQ(r.verdict.level, Level::warn); // downgraded, not refused
  EXPECT_FALSE(run("af_alg_sendmsg").suggested_retval);
  // The .ko has a .BTF section, useless without the base it extends.
  EXPECT_EQ(message(run("af_alg:af_alg_accept", -1), "btf-unavailable"),
            "no BTF for af_alg_accept (the BTF of module af_alg extends "
            "vmlinux BTF, and there is no vmlinux BTF for 6.1.0-test-amd64): "
            "RETVAL cannot be checked against its return type");
}

TEST_F(Types, NoModuleBtf) {
  view_.remove("/sys/kernel/btf/ext4");
  EXPECT_NE(message(run("ext4:ext4_file_open"), "btf-unavailable")
                .find("/sys/kernel/btf/ext4"),
            std::string::npos);
}

TEST_F(Types, CorruptModuleBtf) {
  view_.file("/sys/kernel/btf/ext4", "garbage");
  EXPECT_TRUE(has(run("ext4:ext4_file_open"), "btf-unavailable"));
}

TEST_F(Types, FunctionMissingFromBtf) {
  const Report r = run("tcp_sendmsg_locked");
  EXPECT_TRUE(has(r, "btf-no-function"));
  EXPECT_TRUE(r.type.btf_function.empty());
}

TEST_F(Types, CloneTakesItsBaseType) {
  const Report r = run("tcp_probe_timer.isra.0");
  ASSERT_TRUE(r.type.return_type);
  EXPECT_EQ(r.type.btf_function, "tcp_probe_timer");
  EXPECT_TRUE(has(r, "btf-clone"));
}

} // namespace
} // namespace killswitch::analysis
