#include <fstream>
#include <regex>
#include <string>

#include <gtest/gtest.h>

#include "retval/errno_table.h"

namespace killswitch::retval {
namespace {

TEST(ErrnoTable, LooksUpNames) {
  EXPECT_EQ(errno_value("EPERM"), 1);
  EXPECT_EQ(errno_value("EINVAL"), 22);
  EXPECT_EQ(errno_value("EHWPOISON"), 133);
  EXPECT_EQ(errno_value("ENOTSUPP"), 524);
  EXPECT_EQ(errno_value("EPROBE_DEFER"), 517);
}

TEST(ErrnoTable, AliasesShareAValue) {
  EXPECT_EQ(errno_value("EWOULDBLOCK"), errno_value("EAGAIN"));
  EXPECT_EQ(errno_value("EDEADLOCK"), errno_value("EDEADLK"));
  EXPECT_EQ(errno_value("ENOTSUP"), errno_value("EOPNOTSUPP"));
}

TEST(ErrnoTable, ValueGivesThePrimaryName) {
  EXPECT_EQ(errno_name(11), "EAGAIN");
  EXPECT_EQ(errno_name(35), "EDEADLK");
  EXPECT_EQ(errno_name(95), "EOPNOTSUPP");
}

TEST(ErrnoTable, UnknownNamesAndValues) {
  EXPECT_FALSE(errno_value("eperm"));
  EXPECT_FALSE(errno_value("EFOO"));
  EXPECT_FALSE(errno_value(""));
  EXPECT_FALSE(errno_name(0));
  EXPECT_FALSE(errno_name(520));
  EXPECT_FALSE(errno_name(-1));
}

// Every name the uapi headers define must be in the table with the same
// value, so a new kernel's errno shows up here rather than as "unknown".
TEST(ErrnoTable, CoversTheUapiHeaders) {
  const std::regex define(R"(^#define\s+(E[A-Z0-9]+)\s+([0-9]+|E[A-Z0-9]+))");
  int checked = 0;

  for (const char* name : {"errno-base.h", "errno.h"}) {
    std::ifstream header(std::string(KS_ERRNO_HEADERS_DIR) + "/" + name);
    if (!header)
      GTEST_SKIP() << "no " << name << " in " << KS_ERRNO_HEADERS_DIR;
    std::string line;
    while (std::getline(header, line)) {
      std::smatch m;
      if (!std::regex_search(line, m, define))
        continue;
      const auto value = std::isdigit(m[2].str()[0]) != 0
                             ? std::optional<int>(std::stoi(m[2].str()))
                             : errno_value(m[2].str());
      EXPECT_EQ(errno_value(m[1].str()), value) << m[1].str();
      ++checked;
    }
  }
  EXPECT_GT(checked, 130);
}

} // namespace
} // namespace killswitch::retval
