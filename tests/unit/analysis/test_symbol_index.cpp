#include <gtest/gtest.h>

#include "analysis/kallsyms.h"
#include "analysis/symbol_index.h"
#include "fixture_view.h"

namespace killswitch::analysis {
namespace {

using testing::fixture;

SymbolMatches matches_in(const std::string& file, const std::string& name) {
  const std::string base(clone_base(name));
  auto scan = scan_kallsyms(fixture(file), base);
  if (!scan)
    std::abort();
  return match_symbols(scan->entries, name, base);
}

TEST(SymbolIndex, FunctionDataAndClones) {
  const auto m = matches_in("kallsyms-basic.txt", "tcp_probe_timer");
  ASSERT_EQ(m.functions.size(), 1u);
  EXPECT_EQ(m.functions[0].name, "tcp_probe_timer");
  ASSERT_EQ(m.clones.size(), 1u);
  EXPECT_EQ(m.clones[0].entry.name, "tcp_probe_timer.isra.0");
  EXPECT_EQ(m.clones[0].shape, CloneShape::copy);
  EXPECT_TRUE(m.others.empty());
}

TEST(SymbolIndex, StaticVariableIsNoClone) {
  const auto m = matches_in("kallsyms-basic.txt", "tcp_sendmsg");
  EXPECT_EQ(m.functions.size(), 1u);
  EXPECT_TRUE(m.clones.empty()); // tcp_sendmsg.1 is data
}

TEST(SymbolIndex, DuplicatesAreNotMerged) {
  const auto m = matches_in("kallsyms-duplicates.txt", "cleanup_entry");
  EXPECT_EQ(m.functions.size(), 3u);
  EXPECT_EQ(in_module(m, "").functions.size(), 2u);
  EXPECT_EQ(in_module(m, "nf_tables").functions.size(), 1u);
  EXPECT_EQ(in_module(m, "nf_tables").clones.size(), 0u);
  EXPECT_EQ(in_module(m, "").clones.size(), 1u);
}

TEST(SymbolIndex, HiddenAddressesDoNotMerge) {
  // Every address is 0: entries still stay apart.
  const auto m = matches_in("kallsyms-hidden.txt", "ext4_file_open");
  EXPECT_EQ(m.functions.size(), 1u);
  EXPECT_EQ(m.clones.size(), 1u);
}

TEST(SymbolIndex, TargetIsAClone) {
  const auto m = matches_in("kallsyms-basic.txt", "tcp_probe_timer.isra.0");
  ASSERT_EQ(m.functions.size(), 1u);
  EXPECT_EQ(m.functions[0].name, "tcp_probe_timer.isra.0");
  ASSERT_EQ(m.clones.size(), 1u);
  EXPECT_EQ(m.clones[0].entry.name, "tcp_probe_timer");
  EXPECT_EQ(m.clones[0].shape, CloneShape::original);
}

TEST(SymbolIndex, ClonesOnly) {
  const auto m = matches_in("kallsyms-clones-only.txt", "sock_def_readable");
  EXPECT_TRUE(m.functions.empty());
  ASSERT_EQ(m.clones.size(), 4u);
  EXPECT_EQ(m.clones[0].entry.name, "sock_def_readable.isra.0");
  EXPECT_EQ(m.clones[3].shape, CloneShape::fragment);
}

TEST(SymbolIndex, DataOnly) {
  const auto m = matches_in("kallsyms-basic.txt", "tcp_sendmsg_stats");
  EXPECT_TRUE(m.functions.empty());
  ASSERT_EQ(m.others.size(), 1u);
  EXPECT_EQ(m.others[0].type, 'D');
}

} // namespace
} // namespace killswitch::analysis
