#include <gtest/gtest.h>

#include "analysis/ftrace_filter.h"
#include "fixture_view.h"

namespace killswitch::analysis {
namespace {

using Sites = std::vector<std::string>;

TEST(FtraceSites, VmlinuxAndModules) {
  const std::string text = testing::fixture("available_filter_functions.txt");
  EXPECT_EQ(*find_ftrace_sites(text, "tcp_sendmsg"), Sites{""});
  EXPECT_EQ(*find_ftrace_sites(text, "ext4_file_open"), Sites{"ext4"});
  EXPECT_EQ(*find_ftrace_sites(text, "tcp_probe_timer.isra.0"), Sites{""});
  EXPECT_EQ(*find_ftrace_sites(text, "tcp_probe_timer"), Sites{""});
  EXPECT_EQ(*find_ftrace_sites(text, "notrace_helper"), Sites{});
  EXPECT_EQ(*find_ftrace_sites(text, "sendmsg"), Sites{}); // not a prefix
  EXPECT_EQ(*find_ftrace_sites(text, ""), Sites{});
}

TEST(FtraceSites, DuplicatesAreSeparateSites) {
  EXPECT_EQ(*find_ftrace_sites("f\nf\nf [m]\ng\n", "f"), (Sites{"", "", "m"}));
  EXPECT_EQ(*find_ftrace_sites("f\r\n", "f"), Sites{""});
}

TEST(FtraceSites, Malformed) {
  for (const char* text : {"f [m\n", "f junk\n", "f []\n", "f [a b]\n"}) {
    auto sites = find_ftrace_sites(text, "f");
    EXPECT_FALSE(sites) << text;
  }
  // A malformed line for another name is not looked at.
  EXPECT_TRUE(find_ftrace_sites("g [m\nf\n", "f"));
}

} // namespace
} // namespace killswitch::analysis
