#include <iterator>
#include <string>

#include <gtest/gtest.h>

#include "commands/exit_code.h"

namespace killswitch::commands {
namespace {

// 0..8 are the tool's own; 10 and 11 are check's verdicts (docs/check.md).
TEST(ExitCodes, NumberedInOrder) {
  const int expected[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11};
  std::size_t i = 0;
  for (const auto& info : exit_codes()) {
    ASSERT_LT(i, std::size(expected));
    EXPECT_EQ(to_int(info.code), expected[i++]);
    EXPECT_FALSE(info.meaning.empty());
  }
  EXPECT_EQ(i, std::size(expected));
}

TEST(ExitCodes, HelpListsEveryCode) {
  const std::string help = exit_code_help();
  for (const auto& info : exit_codes())
    EXPECT_NE(help.find(std::to_string(to_int(info.code)) + "  " +
                        std::string(info.meaning)),
              std::string::npos);
}

} // namespace
} // namespace killswitch::commands
