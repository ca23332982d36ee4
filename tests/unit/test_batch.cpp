#include <gtest/gtest.h>

#include "kernel_iface/batch.h"

namespace killswitch::kernel_iface {
namespace {

TEST(Batch, FormatsOneLinePerTarget) {
  const std::vector<BatchLine> lines = {
      {BatchVerb::engage, {"", "f"}, -1, 0},
      {BatchVerb::tryengage, {"ax25", "ax25_create"}, -13, 60},
      {BatchVerb::observe, {"", "g"}, 0, 30},
  };
  EXPECT_EQ(format_batch(lines), "engage f -1\n"
                                 "tryengage ax25:ax25_create -13 60\n"
                                 "observe g 30\n");
  EXPECT_EQ(format_batch({{BatchVerb::disengage, {"m", "f"}, 0, 0},
                          {BatchVerb::disengage, {"", "g"}, 0, 0}}),
            "disengage m:f\ndisengage g\n");
  EXPECT_EQ(format_batch({}), "");
}

TEST(LastError, Parses) {
  auto r = parse_last_error("line=2 target=ax25:ax25_create error=-EBUSY\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->line, 2);
  EXPECT_EQ(r->target, "ax25:ax25_create");
  EXPECT_EQ(r->error, "-EBUSY");

  // Line 0 is the batch as a whole; unknown keys are ignored.
  auto whole = parse_last_error("line=0 target= error=-ENOMEM extra=1");
  ASSERT_TRUE(whole) << whole.error().message;
  EXPECT_EQ(whole->line, 0);
  EXPECT_EQ(whole->target, "");
}

TEST(LastError, RefusesMalformed) {
  for (const char* bad : {"", "\n", "line=1", "error=-EINVAL",
                          "line=x error=-EINVAL", "line=-1 error=-EINVAL",
                          "line=1 target=f error=", "line=1 garbage error=-E",
                          "=1 line=1 error=-EINVAL"}) {
    auto r = parse_last_error(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, EINVAL) << bad;
  }
}

TEST(Callers, Parses) {
  auto r = parse_callers(
      "comm=client pid=42 uid=1000 calls=7 caller=sock_sendmsg+0x4d/0x60 "
      "stack=a+0x1/0x9,b+0x2/0x9 [ks_target]\n"
      "\n"
      "comm=my prog pid=9 uid=0 calls=1 caller=ks_read+0x5/0x20 [ks_target] "
      "stack=\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0], (Caller{"client", 42, 1000, 7, "sock_sendmsg+0x4d/0x60",
                             "a+0x1/0x9,b+0x2/0x9 [ks_target]"}));
  EXPECT_EQ((*r)[1].comm, "my prog");
  EXPECT_EQ((*r)[1].caller, "ks_read+0x5/0x20 [ks_target]");
  EXPECT_EQ((*r)[1].stack, "");
  EXPECT_TRUE(parse_callers("")->empty());
}

TEST(Callers, ErrorsNameTheLine) {
  const struct {
    const char* text;
    const char* says;
  } cases[] = {
      {"comm=a pid=x uid=0 calls=1 caller=f stack=\n",
       "callers line 1: bad pid= value 'x'"},
      {"comm=a pid=1 uid=0 calls=1 caller=f stack=\n"
       "comm=b pid=1 uid=0 calls=-1 caller=f stack=\n",
       "callers line 2: bad calls="},
      {"comm=a pid=1 uid= calls=1 caller=f stack=\n", "bad uid="},
      {"comm=a pid=1 uid=0 calls=1\n", "callers line 1: no caller= field"},
      {"pid=1 comm=a\n", "callers line 1: expected comm="},
      {"junk\n", "expected comm="},
  };
  for (const auto& c : cases) {
    auto r = parse_callers(c.text);
    ASSERT_FALSE(r) << c.text;
    EXPECT_NE(r.error().message.find(c.says), std::string::npos)
        << r.error().message;
  }
}

} // namespace
} // namespace killswitch::kernel_iface
