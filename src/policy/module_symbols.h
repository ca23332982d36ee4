#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "policy/target_resolver.h"

namespace killswitch::policy {

// The functions modules export, from depmod's modules.symbols
// (/lib/modules/RELEASE/modules.symbols):
//
//   alias symbol:af_alg_sendmsg af_alg
//
// It only knows exported symbols: a static function of a module must be
// written MODULE:SYMBOL in the policy to be engaged before the module
// loads.
class ModuleSymbols final : public TargetResolver {
public:
  // Lines that are not "alias symbol:NAME MODULE" are ignored.
  explicit ModuleSymbols(std::string_view text);

  std::optional<std::string> module_of(std::string_view symbol) const override;

private:
  std::map<std::string, std::string, std::less<>> modules_;
};

} // namespace killswitch::policy
