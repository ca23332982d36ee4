#include <gtest/gtest.h>

#include "commands/glob.h"

namespace killswitch::commands {
namespace {

TEST(Glob, Match) {
  EXPECT_TRUE(glob_match("ax25_*", "ax25_create"));
  EXPECT_TRUE(glob_match("ax25_*", "ax25_"));
  EXPECT_FALSE(glob_match("ax25_*", "ax25"));
  EXPECT_FALSE(glob_match("ax25_*", "nr_ax25_x"));
  EXPECT_TRUE(glob_match("*_sendmsg", "af_alg_sendmsg"));
  EXPECT_TRUE(glob_match("a*b*c", "aXXbYYc"));
  EXPECT_FALSE(glob_match("a*b*c", "aXXbYY"));
  EXPECT_TRUE(glob_match("a?c", "abc"));
  EXPECT_FALSE(glob_match("a?c", "ac"));
  EXPECT_TRUE(glob_match("*", ""));
  EXPECT_TRUE(glob_match("**x**", "x"));
  EXPECT_FALSE(glob_match("abc", "abcd"));
  // Backtracking past an early partial match.
  EXPECT_TRUE(glob_match("*ab", "aab"));
  EXPECT_TRUE(glob_match("*a*ab", "xaxaab"));
}

TEST(Glob, IsGlob) {
  EXPECT_TRUE(is_glob("ax25_*"));
  EXPECT_TRUE(is_glob("f?"));
  EXPECT_FALSE(is_glob("ax25:ax25_create"));
}

TEST(Glob, ModulePart) {
  auto g = parse_glob("snd-hda:*_open");
  ASSERT_TRUE(g) << g.error().message;
  EXPECT_EQ(g->module, "snd_hda"); // as the kernel names the module
  EXPECT_EQ(g->pattern, "*_open");
  EXPECT_TRUE(g->matches({"snd_hda", "pcm_open"}));
  EXPECT_FALSE(g->matches({"", "pcm_open"}));
  EXPECT_FALSE(g->matches({"other", "pcm_open"}));

  auto any = parse_glob("*_open");
  ASSERT_TRUE(any);
  EXPECT_TRUE(any->matches({"m", "x_open"}));
  EXPECT_TRUE(any->matches({"", "x_open"}));
}

TEST(Glob, RefusesBadPatterns) {
  const struct {
    const char* text;
    const char* says;
  } cases[] = {
      {"", "empty"},        {"m:", "empty"},   {":f*", "module"},
      {"m/x:f*", "module"}, {"a:b:c*", "':'"}, {"f[ab]*", "'['"},
      {"f*{a,b}", "'{'"},   {"f *", "' '"},    {"f\\*", "'\\'"},
  };
  for (const auto& c : cases) {
    auto r = parse_glob(c.text);
    ASSERT_FALSE(r) << c.text;
    EXPECT_EQ(r.error().code, EINVAL);
    EXPECT_NE(r.error().message.find(c.says), std::string::npos)
        << c.text << ": " << r.error().message;
  }
  EXPECT_FALSE(parse_glob(std::string(512, '*')));
  EXPECT_TRUE(parse_glob(std::string(511, '*')));
}

} // namespace
} // namespace killswitch::commands
