#include <gtest/gtest.h>

#include "policy/module_symbols.h"

namespace killswitch::policy {
namespace {

TEST(ModuleSymbols, ReadsDepmodsAliases) {
  const ModuleSymbols symbols(
      "# Aliases for symbols, used by symbol_request().\n"
      "alias symbol:af_alg_sendmsg af_alg\n"
      "alias symbol:vsock_connect vsock\n"
      "alias symbol:bad$name m\n"
      "alias symbol:f bad.module\n"
      "alias other:g m\n"
      "alias symbol:h\n");
  EXPECT_EQ(symbols.module_of("af_alg_sendmsg"), "af_alg");
  EXPECT_EQ(symbols.module_of("vsock_connect"), "vsock");
  EXPECT_FALSE(symbols.module_of("bad$name"));
  EXPECT_FALSE(symbols.module_of("f"));
  EXPECT_FALSE(symbols.module_of("g"));
  EXPECT_FALSE(symbols.module_of("h"));
  EXPECT_FALSE(symbols.module_of("schedule"));
  EXPECT_FALSE(ModuleSymbols("").module_of("af_alg_sendmsg"));
}

} // namespace
} // namespace killswitch::policy
