#include <gtest/gtest.h>

#include "commands/target_file.h"

namespace killswitch::commands {
namespace {

TEST(TargetFile, LinesCommentsAndBlanks) {
  auto r = parse_target_file("# ax25 entry points\n"
                             "\n"
                             "ax25_create -EPERM\n"
                             "  ax25:ax25_connect\tEACCES   # the socket\n"
                             "f 0x10\r\n"
                             "g -1");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 4u);
  EXPECT_EQ((*r)[0].target.to_string(), "ax25_create");
  EXPECT_EQ((*r)[0].retval, -1);
  EXPECT_EQ((*r)[0].line, 3);
  EXPECT_EQ((*r)[1].target.module, "ax25");
  EXPECT_EQ((*r)[1].retval, -13);
  EXPECT_EQ((*r)[2].retval, 16);
  EXPECT_EQ((*r)[3].line, 6);
}

TEST(TargetFile, ErrorsNameTheLine) {
  const struct {
    const char* text;
    const char* says;
  } cases[] = {
      {"f\n", "line 1: expected SYMBOL RETVAL"},
      {"# x\nf -1 extra\n", "line 2: expected SYMBOL RETVAL"},
      {"f -1\nbad/name -1\n", "line 2:"},
      {"f EWHAT\n", "line 1:"},
      {"f 007\n", "line 1:"},
      {"f -1\nm:f -1\nf -EPERM\n", "line 3: f is listed twice"},
      {"f*\t-1\n", "line 1:"},
  };
  for (const auto& c : cases) {
    auto r = parse_target_file(c.text);
    ASSERT_FALSE(r) << c.text;
    EXPECT_EQ(r.error().code, EINVAL);
    EXPECT_NE(r.error().message.find(c.says), std::string::npos)
        << c.text << ": " << r.error().message;
  }
}

TEST(TargetFile, EmptyIsAnError) {
  for (const char* text : {"", "\n\n", "# only comments\n  # and more\n"}) {
    auto r = parse_target_file(text);
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().message, "no targets in the file");
  }
}

} // namespace
} // namespace killswitch::commands
