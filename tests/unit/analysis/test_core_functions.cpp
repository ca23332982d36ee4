#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "analysis/core_functions.h"

namespace killswitch::analysis {
namespace {

std::string area_of(const char* name) {
  const CoreFunction* core = find_core_function(name);
  return core != nullptr ? std::string(core->area) : "";
}

TEST(CoreFunctions, EachAreaTheIssueNames) {
  EXPECT_EQ(area_of("schedule"), "scheduler");
  EXPECT_EQ(area_of("do_syscall_64"), "syscall entry");
  EXPECT_EQ(area_of("__kmalloc"), "memory allocator");
  EXPECT_EQ(area_of("kmem_cache_alloc_noprof"), "memory allocator");
  EXPECT_EQ(area_of("vfs_read"), "VFS read/write/open");
  EXPECT_EQ(area_of("do_sys_openat2"), "VFS read/write/open");
  EXPECT_EQ(area_of("_raw_spin_lock"), "locking");
  EXPECT_EQ(area_of("mutex_unlock"), "locking");
  EXPECT_EQ(area_of("rcu_note_context_switch"), "RCU");
  EXPECT_EQ(area_of("_printk"), "printk and crash reporting");
  EXPECT_EQ(area_of("irq_enter_rcu"), "interrupts");
  EXPECT_EQ(area_of("ftrace_ops_list_func"), "ftrace, kprobes and kallsyms");
  EXPECT_EQ(area_of("register_kprobe"), "ftrace, kprobes and kallsyms");
  EXPECT_EQ(area_of("security_locked_down"), "lockdown");
  EXPECT_EQ(area_of("security_file_open"), "LSM");
  EXPECT_EQ(area_of("ns_capable"), "capability checks");
  EXPECT_EQ(area_of("capable"), "capability checks");
}

TEST(CoreFunctions, ClonesOfCoreFunctions) {
  EXPECT_EQ(area_of("schedule.cold"), "scheduler");
  EXPECT_EQ(area_of("rcu_do_batch.isra.0"), "RCU");
}

TEST(CoreFunctions, OrdinaryFunctions) {
  for (const char* name :
       {"af_alg_sendmsg", "tcp_sendmsg", "vfs_readlink", "kfree_skb_reason",
        "__update_load_avg_se", "scheduled_thing_x", "up_to_date",
        "handle_tx_irq_of_driver", "downstream", "ext4_file_open"})
    EXPECT_EQ(find_core_function(name), nullptr) << name;
}

TEST(CoreFunctions, PatternsAreWellFormed) {
  std::set<std::string_view> seen;
  for (const auto& entry : core_functions()) {
    EXPECT_FALSE(entry.pattern.empty());
    EXPECT_FALSE(entry.area.empty());
    EXPECT_TRUE(seen.insert(entry.pattern).second) << entry.pattern;
    // Each pattern covers at least the name it spells.
    std::string name(entry.pattern);
    std::erase(name, '*');
    EXPECT_NE(find_core_function(name), nullptr) << entry.pattern;
  }
}

TEST(CoreFunctions, DocumentedInCheckMd) {
  std::ifstream in(std::string(KS_ANALYSIS_DOCS) + "/check.md");
  ASSERT_TRUE(in);
  std::ostringstream doc;
  doc << in.rdbuf();
  for (const auto& entry : core_functions()) {
    EXPECT_NE(doc.str().find(fmt::format("`{}`", entry.pattern)),
              std::string::npos)
        << entry.pattern;
    EXPECT_NE(doc.str().find(fmt::format("| {} |", entry.area)),
              std::string::npos)
        << entry.area;
  }
}

} // namespace
} // namespace killswitch::analysis
