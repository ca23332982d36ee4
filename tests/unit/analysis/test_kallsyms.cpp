#include <gtest/gtest.h>

#include "analysis/kallsyms.h"
#include "fixture_view.h"

namespace killswitch::analysis {
namespace {

using testing::fixture;

std::vector<std::string> names(const KallsymsScan& scan) {
  std::vector<std::string> out;
  for (const auto& e : scan.entries)
    out.push_back(e.module.empty() ? e.name : e.name + "@" + e.module);
  return out;
}

TEST(KallsymsLine, VmlinuxAndModule) {
  auto plain = parse_kallsyms_line("ffffffff81100010 T af_alg_sendmsg");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->address, 0xffffffff81100010u);
  EXPECT_EQ(plain->type, 'T');
  EXPECT_EQ(plain->name, "af_alg_sendmsg");
  EXPECT_TRUE(plain->in_vmlinux());

  auto mod = parse_kallsyms_line("ffffffffc0001000 t ext4_file_open\t[ext4]");
  ASSERT_TRUE(mod);
  EXPECT_EQ(mod->module, "ext4");
  EXPECT_TRUE(mod->is_text());
}

TEST(KallsymsLine, HiddenAddressIsZero) {
  auto entry = parse_kallsyms_line("0000000000000000 t f");
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->address, 0u);
}

TEST(KallsymsLine, Malformed) {
  for (const char* line :
       {"", "ffffffff81000000", "ffffffff81000000 T", "ffffffff81000000 TT f",
        "zzzz T f", "ffffffff810000000 T f", "ffffffff81000000 T f\t[mod",
        "ffffffff81000000 T f\t[]", "ffffffff81000000 T f\t[a b]",
        "ffffffff81000000 T f g", "ffffffff81000000 1 f"}) {
    auto entry = parse_kallsyms_line(line);
    ASSERT_FALSE(entry) << line;
    EXPECT_EQ(entry.error().code, EINVAL);
  }
}

TEST(KallsymsScan, FindsNameAndClonesOnly) {
  auto scan = scan_kallsyms(fixture("kallsyms-basic.txt"), "tcp_sendmsg");
  ASSERT_TRUE(scan);
  // tcp_sendmsg_locked* and tcp_sendmsg_stats share the prefix but are
  // other names; tcp_sendmsg.1 is kept as a candidate (data, not a clone).
  EXPECT_EQ(names(*scan),
            (std::vector<std::string>{"tcp_sendmsg", "tcp_sendmsg.1"}));
  EXPECT_FALSE(scan->addresses_hidden);
}

TEST(KallsymsScan, ModuleColumnIsNotAName) {
  auto scan = scan_kallsyms(fixture("kallsyms-basic.txt"), "ext4");
  ASSERT_TRUE(scan);
  EXPECT_TRUE(scan->entries.empty());
}

TEST(KallsymsScan, ModuleSymbols) {
  auto scan = scan_kallsyms(fixture("kallsyms-basic.txt"), "ext4_file_open");
  ASSERT_TRUE(scan);
  EXPECT_EQ(names(*scan),
            (std::vector<std::string>{"ext4_file_open@ext4",
                                      "ext4_file_open.cold@ext4"}));
}

TEST(KallsymsScan, KeepsDuplicatesApart) {
  auto scan =
      scan_kallsyms(fixture("kallsyms-duplicates.txt"), "cleanup_entry");
  ASSERT_TRUE(scan);
  EXPECT_EQ(names(*scan),
            (std::vector<std::string>{"cleanup_entry", "cleanup_entry",
                                      "cleanup_entry.isra.0",
                                      "cleanup_entry@nf_tables"}));
}

TEST(KallsymsScan, InitText) {
  auto scan = scan_kallsyms(fixture("kallsyms-basic.txt"), "start_kernel");
  ASSERT_TRUE(scan);
  ASSERT_TRUE(scan->init_text);
  EXPECT_EQ(scan->init_text->start, 0xffffffff83000000u);
  EXPECT_EQ(scan->init_text->end, 0xffffffff83100000u);
  EXPECT_TRUE(scan->init_text->contains(scan->entries.at(0).address));
}

TEST(KallsymsScan, HiddenAddresses) {
  auto scan = scan_kallsyms(fixture("kallsyms-hidden.txt"), "af_alg_sendmsg");
  ASSERT_TRUE(scan);
  EXPECT_TRUE(scan->addresses_hidden);
  EXPECT_FALSE(scan->init_text);
  ASSERT_EQ(scan->entries.size(), 2u);
  EXPECT_EQ(scan->entries[0].address, 0u);
}

TEST(KallsymsScan, HiddenWithoutStext) {
  auto scan = scan_kallsyms("0000000000000000 t f\n", "f");
  ASSERT_TRUE(scan);
  EXPECT_TRUE(scan->addresses_hidden);
}

TEST(KallsymsScan, NameAtEndWithoutNewline) {
  auto scan =
      scan_kallsyms("ffffffff81000000 T _stext\nffffffff81000010 t f", "f");
  ASSERT_TRUE(scan);
  EXPECT_EQ(scan->entries.size(), 1u);
}

TEST(KallsymsScan, Errors) {
  auto empty = scan_kallsyms("", "f");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().message, "empty symbol list");

  auto other = scan_kallsyms("not a symbol table\n", "f");
  ASSERT_FALSE(other);
  EXPECT_NE(other.error().message.find("line 1:"), std::string::npos);

  auto broken =
      scan_kallsyms(fixture("kallsyms-malformed.txt"), "broken_function");
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.find("line 3:"), std::string::npos)
      << broken.error().message;

  // A malformed line that does not name the target is not looked at.
  EXPECT_TRUE(
      scan_kallsyms(fixture("kallsyms-malformed.txt"), "good_function"));
}

TEST(KallsymsScan, DebianSystemMapStubIsAnError) {
  EXPECT_FALSE(scan_kallsyms(fixture("system-map-debian-stub.txt"), "f"));
}

} // namespace
} // namespace killswitch::analysis
