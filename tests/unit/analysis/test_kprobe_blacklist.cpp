#include <gtest/gtest.h>

#include "analysis/kprobe_blacklist.h"
#include "fixture_view.h"

namespace killswitch::analysis {
namespace {

using testing::fixture;

SymbolEntry sym(std::string name, std::string module = "",
                std::uint64_t address = 0) {
  return SymbolEntry{std::move(name), 't', std::move(module), address, ""};
}

TEST(KprobeBlacklist, Parses) {
  auto list = parse_kprobe_blacklist(fixture("kprobes-blacklist.txt"));
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0].name, "kprobe_int3_handler");
  EXPECT_EQ((*list)[0].range.start, 0xffffffff81100d00u);
  EXPECT_EQ((*list)[0].range.end, 0xffffffff81100d80u);
  EXPECT_EQ((*list)[2].module, "dummy_mod");
  EXPECT_TRUE(parse_kprobe_blacklist("")->empty());
}

TEST(KprobeBlacklist, ByNameAndModule) {
  auto list = *parse_kprobe_blacklist(fixture("kprobes-blacklist.txt"));
  EXPECT_NE(find_blacklisted(list, sym("kprobe_int3_handler")), nullptr);
  EXPECT_NE(find_blacklisted(list, sym("mod_only", "dummy_mod")), nullptr);
  EXPECT_EQ(find_blacklisted(list, sym("mod_only")), nullptr);
  EXPECT_EQ(find_blacklisted(list, sym("kprobe_int3_handler", "m")), nullptr);
  EXPECT_EQ(find_blacklisted(list, sym("tcp_sendmsg")), nullptr);
}

TEST(KprobeBlacklist, ByAddressRange) {
  auto list = *parse_kprobe_blacklist(fixture("kprobes-blacklist.txt"));
  const auto* hit =
      find_blacklisted(list, sym("alias", "", 0xffffffff81100d40));
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->name, "kprobe_int3_handler");
  EXPECT_EQ(find_blacklisted(list, sym("next", "", 0xffffffff81100d80)),
            nullptr);
}

TEST(KprobeBlacklist, HiddenRangesMatchByNameOnly) {
  auto list = *parse_kprobe_blacklist(fixture("kprobes-blacklist-hidden.txt"));
  EXPECT_EQ(list[0].range.start, 0u);
  EXPECT_NE(find_blacklisted(list, sym("kprobe_int3_handler")), nullptr);
  EXPECT_EQ(find_blacklisted(list, sym("other")), nullptr);
  EXPECT_EQ(find_blacklisted(list, sym("other", "", 0)), nullptr);
}

TEST(KprobeBlacklist, Malformed) {
  for (const char* text :
       {"0xffffffff81000000-0xffffffff81000010 f\n", // no tab
        "0xffffffff81000000\tf\n", "ffffffff81000000-ffffffff81000010\tf\n",
        "0xffffffff81000010-0xffffffff81000000\tf\n", // end before start
        "0xzz-0x10\tf\n", "0x0-0x10\t\n", "0x0-0x10\tf mod\n",
        "0x0-0x10\tf [m] x\n"}) {
    auto list = parse_kprobe_blacklist(text);
    ASSERT_FALSE(list) << text;
    EXPECT_NE(list.error().message.find("line 1"), std::string::npos);
  }
}

} // namespace
} // namespace killswitch::analysis
