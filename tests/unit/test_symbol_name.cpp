#include <string>

#include <gtest/gtest.h>

#include "expect_refused.h"
#include "symbols/symbol_name.h"

namespace killswitch::symbols {
namespace {

using killswitch::testing::BadInput;
using killswitch::testing::refused_with;

TEST(ParseSymbolName, PlainAndModuleNames) {
  auto plain = parse_symbol_name("af_alg_sendmsg");
  ASSERT_TRUE(plain);
  EXPECT_EQ(*plain, (SymbolName{"", "af_alg_sendmsg"}));

  auto with_module = parse_symbol_name("nf-tables_x:nft_do_chain.isra.0");
  ASSERT_TRUE(with_module);
  // The module part is spelled as the kernel names modules: '-' is '_'.
  EXPECT_EQ(*with_module, (SymbolName{"nf_tables_x", "nft_do_chain.isra.0"}));
  EXPECT_EQ(with_module->to_string(), "nf_tables_x:nft_do_chain.isra.0");
}

TEST(ParseSymbolName, LengthLimitsAreInclusive) {
  EXPECT_TRUE(parse_symbol_name(std::string(kSymbolMax, 'a')));
  EXPECT_TRUE(parse_symbol_name(std::string(kModuleMax, 'm') + ":f"));
}

TEST(ParseSymbolName, RefusesWithAReason) {
  const BadInput cases[] = {
      {"", "empty symbol"},
      {"mod:", "empty symbol"},
      {":fn", "empty module"},
      {std::string(kSymbolMax + 1, 'a'), "512 characters, at most 511"},
      {std::string(kModuleMax + 1, 'm') + ":f", "56 characters, at most 55"},
      {"a b", "a space"},
      {"a-b", "'-'"},
      {"a:b:c", "':'"},
      {"mo.d:fn", "module names may not contain '.'"},
      {"fn\n", "byte 0x0a"},
      {"f\xc3\xa9", "byte 0xc3"},
      {"fn*", "'*'"},
  };
  for (const auto& c : cases)
    EXPECT_TRUE(refused_with(parse_symbol_name(c.text), c.reason)) << c.text;
}

TEST(ParseSymbolName, MessagesStayPrintable) {
  auto r = parse_symbol_name("a\x01\n");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("'a?"
                                   "?'"),
            std::string::npos);
}

} // namespace
} // namespace killswitch::symbols
