#include <gtest/gtest.h>

#include "analysis/report_text.h"
#include "check_fixture.h"

namespace killswitch::analysis {
namespace {

class ReportText : public testing::CheckTest {};

TEST_F(ReportText, Ok) {
  const std::string text = report_to_text(run("af_alg_sendmsg", -1));
  EXPECT_TRUE(text.starts_with("af_alg_sendmsg: OK\n")) << text;
  EXPECT_NE(text.find("  where    vmlinux at 0xffffffff81100010 [kallsyms]\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  returns  int (integer, 4 bytes; "
                      "/sys/kernel/btf/vmlinux)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  retval   -1 (-EPERM)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  note   af_alg_sendmsg.cold"), std::string::npos);
  EXPECT_TRUE(text.ends_with("[cold-fragments]\n")) << text;
}

TEST_F(ReportText, WorstReasonFirst) {
  const std::string text = report_to_text(run("schedule", 3));
  const auto refuse = text.find("  refuse ");
  const auto note = text.find("  note   ");
  ASSERT_NE(refuse, std::string::npos) << text;
  ASSERT_NE(note, std::string::npos) << text;
  EXPECT_LT(refuse, note);
  EXPECT_TRUE(text.starts_with("schedule: REFUSE\n"));
}

TEST_F(ReportText, Ambiguous) {
  view_.file("/proc/kallsyms", testing::fixture("kallsyms-duplicates.txt"));
  const std::string text = report_to_text(run("cleanup_entry"));
  EXPECT_NE(text.find("  matches  vmlinux at 0xffffffff81100000; vmlinux at "
                      "0xffffffff81100200; nf_tables (/lib/modules/"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("  where"), std::string::npos);
}

TEST_F(ReportText, ReturnTypeSize) {
  const std::string void_text = report_to_text(run("schedule"));
  EXPECT_NE(void_text.find("  returns  void (/sys/kernel/btf/vmlinux)\n"),
            std::string::npos)
      << void_text;

  Report one_byte;
  one_byte.target = one_byte.symbol = "f_bool";
  one_byte.type.btf_source = "/sys/kernel/btf/vmlinux";
  ReturnType boolean;
  boolean.type_class = TypeClass::boolean;
  boolean.spelling = "bool";
  boolean.size = 1;
  one_byte.type.return_type = boolean;
  const std::string bool_text = report_to_text(one_byte);
  EXPECT_NE(bool_text.find("  returns  bool (bool, 1 byte; "
                           "/sys/kernel/btf/vmlinux)\n"),
            std::string::npos)
      << bool_text;
}

TEST_F(ReportText, SuggestedHiddenAndOffline) {
  view_.file("/proc/kallsyms", testing::fixture("kallsyms-hidden.txt"));
  const std::string hidden = report_to_text(run("af_alg_sendmsg"));
  EXPECT_NE(hidden.find("vmlinux (address hidden)"), std::string::npos)
      << hidden;
  EXPECT_NE(hidden.find("  retval   -1 (-EPERM) (suggested)\n"),
            std::string::npos)
      << hidden;

  const std::string offline =
      report_to_text(run("af_alg:af_alg_accept", -1, testing::kOther));
  EXPECT_TRUE(offline.starts_with(
      "af_alg:af_alg_accept: WARN (kernel 6.12.9-test, not running)\n"))
      << offline;
  EXPECT_NE(offline.find("af_alg (/lib/modules/6.12.9-test/kernel/crypto/"
                         "af_alg.ko.xz), not loaded [ko]"),
            std::string::npos)
      << offline;
}

} // namespace
} // namespace killswitch::analysis
