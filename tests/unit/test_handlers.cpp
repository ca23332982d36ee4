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

// A handler run against a mock tree, with text output captured.
struct Harness {
  NiceMock<MockFilesystem> fs;
  kernel_iface::Interface iface{fs, fake_paths()};
  std::ostringstream out, err;
  std::unique_ptr<output::Printer> printer =
      output::make_printer(output::Format::text, out, err);
  Context ctx{iface, *printer};

  void module_present(bool present) {
    ON_CALL(fs, exists("/fake/ks")).WillByDefault(Return(present));
  }
};

Args words(std::vector<std::string> w, bool all = false) {
  return Args{std::move(w), all};
}

TEST(DoEngage, WritesOneCommand) {
  Harness h;
  h.module_present(true);
  EXPECT_CALL(h.fs, write_once("/fake/ks/control", "engage f -1\n"))
      .WillOnce(Return(util::Result<void>()));
  EXPECT_TRUE(do_engage(h.ctx, words({"f", "-EPERM"})));
  EXPECT_EQ(h.out.str(), "engaged f retval=-1 (-EPERM)\n");
}

TEST(DoEngage, InvalidInputWritesNothing) {
  const std::vector<std::vector<std::string>> bad = {
      {"f"},         {"f", "1", "2"},  {"bad sym", "1"}, {"f", "007"},
      {"f", "EFOO"}, {"f", "--bogus"}, {":f", "1"}};
  for (const auto& w : bad) {
    Harness h;
    h.module_present(true);
    EXPECT_CALL(h.fs, write_once(_, _)).Times(0);
    EXPECT_CALL(h.fs, mount_securityfs(_)).Times(0);
    EXPECT_THROW((void)do_engage(h.ctx, words(w)), UsageError) << w[0];
  }
}

TEST(DoEngage, ModuleNotLoaded) {
  Harness h;
  h.module_present(false);
  EXPECT_CALL(h.fs, write_once(_, _)).Times(0);
  auto r = do_engage(h.ctx, words({"f", "0"}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().exit, ExitCode::not_loaded);
  EXPECT_EQ(r.error().message,
            "killswitch module is not loaded (modprobe killswitch)");
}

TEST(DoEngage, KernelErrorsBecomeExitCodes) {
  const std::pair<int, ExitCode> cases[] = {
      {ENOENT, ExitCode::not_found}, {EBUSY, ExitCode::busy},
      {EPERM, ExitCode::permission}, {EACCES, ExitCode::permission},
      {EINVAL, ExitCode::refused},   {ENOMEM, ExitCode::failure},
  };
  for (const auto& [code, exit] : cases) {
    Harness h;
    h.module_present(true);
    EXPECT_CALL(h.fs, write_once(_, _))
        .WillOnce(Return(errno_result(code, "write")));
    auto r = do_engage(h.ctx, words({"f", "1"}));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().exit, exit) << code;
    EXPECT_EQ(h.out.str(), "");
  }
}

TEST(DoDisengage, OneSymbolOrAll) {
  Harness h;
  h.module_present(true);
  EXPECT_CALL(h.fs, write_once("/fake/ks/control", "disengage m:f\n"))
      .WillOnce(Return(util::Result<void>()));
  EXPECT_CALL(h.fs, write_once("/fake/ks/control", "disengage_all\n"))
      .WillOnce(Return(util::Result<void>()));
  EXPECT_TRUE(do_disengage(h.ctx, words({"m:f"})));
  EXPECT_TRUE(do_disengage(h.ctx, words({}, true)));
}

TEST(DoDisengage, NotEngaged) {
  Harness h;
  h.module_present(true);
  EXPECT_CALL(h.fs, write_once(_, _))
      .WillOnce(Return(errno_result(ENOENT, "write")));
  auto r = do_disengage(h.ctx, words({"f"}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "f is not engaged");
}

TEST(DoDisengage, UsageErrors) {
  Harness h;
  EXPECT_CALL(h.fs, write_once(_, _)).Times(0);
  EXPECT_THROW((void)do_disengage(h.ctx, words({})), UsageError);
  EXPECT_THROW((void)do_disengage(h.ctx, words({"f"}, true)), UsageError);
  EXPECT_THROW((void)do_disengage(h.ctx, words({"f", "g["})), UsageError);
  EXPECT_THROW((void)do_disengage(h.ctx, words({"f", "x:*["})), UsageError);
  EXPECT_THROW((void)do_disengage(h.ctx, words({"f g"})), UsageError);
}

TEST(DoStatus, ReportsWithoutTheModule) {
  Harness h;
  h.module_present(false);
  ON_CALL(h.fs, read("/fake/tainted"))
      .WillByDefault(Return(util::Result<std::string>("0\n")));
  EXPECT_TRUE(do_status(h.ctx, words({})));
  EXPECT_EQ(h.out.str(), "module: not loaded (modprobe killswitch)\n"
                         "taint: no (kernel bit 20 clear)\n");
}

TEST(DoStatus, UnreadableEngagedIsAFailure) {
  Harness h;
  h.module_present(true);
  ON_CALL(h.fs, read(_))
      .WillByDefault(
          Return(util::fail(util::Error::from_code(EACCES, "open", "x"))));
  auto r = do_status(h.ctx, words({}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().exit, ExitCode::permission);
  EXPECT_EQ(r.error().message, "permission denied: killswitch needs root");
}

TEST(DoStatus, TakesNoArguments) {
  Harness h;
  EXPECT_THROW((void)do_status(h.ctx, words({"x"})), UsageError);
}

} // namespace
} // namespace killswitch::commands
