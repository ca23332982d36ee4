#include <gtest/gtest.h>

#include "kernel_iface/command.h"

namespace killswitch::kernel_iface {
namespace {

TEST(FormatCommand, EngageWritesTheValueInDecimal) {
  const auto c = Command::engage({"", "af_alg_sendmsg"}, -1);
  EXPECT_EQ(format_command(c), "engage af_alg_sendmsg -1\n");
  EXPECT_EQ(format_command(Command::engage({"ax25", "ax25_create"}, 16)),
            "engage ax25:ax25_create 16\n");
  EXPECT_EQ(format_command(Command::engage({"", "f"}, INT64_MIN)),
            "engage f -9223372036854775808\n");
}

TEST(FormatCommand, Disengage) {
  EXPECT_EQ(format_command(Command::disengage({"", "f"})), "disengage f\n");
  EXPECT_EQ(format_command(Command::disengage_all()), "disengage_all\n");
}

TEST(VerbName, MatchesTheGrammar) {
  EXPECT_EQ(verb_name(Verb::engage), "engage");
  EXPECT_EQ(verb_name(Verb::disengage), "disengage");
  EXPECT_EQ(verb_name(Verb::disengage_all), "disengage_all");
}

} // namespace
} // namespace killswitch::kernel_iface
