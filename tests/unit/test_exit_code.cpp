#include <string>

#include <gtest/gtest.h>

#include "commands/exit_code.h"

namespace killswitch::commands {
namespace {

TEST(ExitCodes, NumberedZeroToSevenInOrder) {
  int expected = 0;
  for (const auto& info : exit_codes()) {
    EXPECT_EQ(to_int(info.code), expected++);
    EXPECT_FALSE(info.meaning.empty());
  }
  EXPECT_EQ(expected, 8);
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
