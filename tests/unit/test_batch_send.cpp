#include <sstream>

#include <gtest/gtest.h>

#include "commands/handlers.h"
#include "mock_filesystem.h"

namespace killswitch::commands {
namespace {

using killswitch::testing::errno_result;
using killswitch::testing::fake_paths;
using killswitch::testing::MockFilesystem;
using ::testing::_;
using ::testing::NiceMock;
using ::testing::Return;

// Engage and disengage of several targets, against a mock tree without the
// target analysis (Context::view is null).
struct Harness {
  NiceMock<MockFilesystem> fs;
  kernel_iface::Interface iface{fs, fake_paths()};
  std::ostringstream out, err;
  std::unique_ptr<output::Printer> printer =
      output::make_printer(output::Format::text, out, err);
  Context ctx{iface, *printer};

  Harness() { ON_CALL(fs, exists("/fake/ks")).WillByDefault(Return(true)); }
};

Args from_file(std::string path) {
  Args a;
  a.from = std::move(path);
  return a;
}

TEST(EngageFrom, OneWriteForTheFile) {
  Harness h;
  ON_CALL(h.fs, read("/tmp/list"))
      .WillByDefault(Return(
          util::Result<std::string>(std::string("# two\nf -EPERM\nm:g 0\n"))));
  EXPECT_CALL(h.fs, write_once("/fake/ks/control", "engage f -1\n"
                                                   "engage m:g 0\n"))
      .WillOnce(Return(util::Result<void>()));
  auto r = do_engage(h.ctx, from_file("/tmp/list"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(h.out.str(),
            "engaged f retval=-1 (-EPERM)\nengaged m:g retval=0\n");
}

TEST(EngageFrom, FailureNamesTheLineFromLastError) {
  Harness h;
  ON_CALL(h.fs, read("/tmp/list"))
      .WillByDefault(
          Return(util::Result<std::string>(std::string("f -1\ng -1\n"))));
  ON_CALL(h.fs, read("/fake/ks/last_error"))
      .WillByDefault(Return(util::Result<std::string>(
          std::string("line=2 target=g error=-EBUSY\n"))));
  EXPECT_CALL(h.fs, write_once(_, _))
      .WillOnce(Return(errno_result(EBUSY, "write")));
  auto r = do_engage(h.ctx, from_file("/tmp/list"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().exit, ExitCode::busy);
  EXPECT_EQ(r.error().message.rfind("line 2 of 2 refused, none applied: g is "
                                    "already engaged",
                                    0),
            0u)
      << r.error().message;
}

TEST(EngageFrom, BadFileWritesNothing) {
  Harness h;
  ON_CALL(h.fs, read("/tmp/list"))
      .WillByDefault(
          Return(util::Result<std::string>(std::string("f -1\ng\n"))));
  EXPECT_CALL(h.fs, write_once(_, _)).Times(0);
  EXPECT_THROW((void)do_engage(h.ctx, from_file("/tmp/list")), UsageError);

  Args both = from_file("/tmp/list");
  both.words = {"f", "-1"};
  EXPECT_THROW((void)do_engage(h.ctx, both), UsageError);

  ON_CALL(h.fs, read("/tmp/none"))
      .WillByDefault(Return(util::Result<std::string>(
          util::fail(util::Error{ENOENT, "open", "open /tmp/none: gone"}))));
  auto r = do_engage(h.ctx, from_file("/tmp/none"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().exit, ExitCode::usage);
}

TEST(EngageProbe, MapsToTryengage) {
  Harness h;
  Args a;
  a.words = {"m:f", "EPERM"};
  a.window = "2m";
  EXPECT_CALL(h.fs, write_once("/fake/ks/control", "tryengage m:f -1 120\n"))
      .WillOnce(Return(util::Result<void>()));
  auto r = do_engage(h.ctx, a);
  ASSERT_TRUE(r) << r.error().message;

  a.window = "0s";
  EXPECT_THROW((void)do_engage(h.ctx, a), UsageError);
}

TEST(EngageGlob, NeedsTheAnalysis) {
  Harness h;
  EXPECT_CALL(h.fs, write_once(_, _)).Times(0);
  auto r = do_engage(h.ctx, Args{{"ax25_*", "-EPERM"}});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("KILLSWITCH_NO_CHECK"), std::string::npos);
  EXPECT_THROW((void)do_engage(h.ctx, Args{{"ax25_[a]*", "-1"}}), UsageError);
}

TEST(Disengage, SeveralNamesAndPatternsInOneWrite) {
  Harness h;
  ON_CALL(h.fs, read("/fake/ks/engaged"))
      .WillByDefault(Return(util::Result<std::string>(
          std::string("ax25:ax25_create retval=-1 hits=0 state=pending\n"
                      "ax25:ax25_connect retval=-1 hits=2 state=armed\n"
                      "f retval=0 hits=0 state=armed\n"))));
  EXPECT_CALL(h.fs,
              write_once("/fake/ks/control", "disengage f\n"
                                             "disengage ax25:ax25_create\n"
                                             "disengage ax25:ax25_connect\n"))
      .WillOnce(Return(util::Result<void>()));
  auto r = do_disengage(h.ctx, Args{{"f", "ax25_*", "ax25:ax25_c*"}});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(h.out.str(), "disengaged f\ndisengaged ax25:ax25_create\n"
                         "disengaged ax25:ax25_connect\n");
}

TEST(Disengage, PatternMatchingNothing) {
  Harness h;
  ON_CALL(h.fs, read("/fake/ks/engaged"))
      .WillByDefault(Return(util::Result<std::string>(
          std::string("f retval=0 hits=0 state=armed\n"))));
  EXPECT_CALL(h.fs, write_once(_, _)).Times(0);
  auto r = do_disengage(h.ctx, Args{{"ax25_*"}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().exit, ExitCode::not_found);
  EXPECT_EQ(r.error().message, "nothing engaged matches ax25_*");
}

} // namespace
} // namespace killswitch::commands
