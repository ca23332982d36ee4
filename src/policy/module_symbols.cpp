#include "policy/module_symbols.h"

#include <fmt/format.h>

#include "symbols/symbol_name.h"
#include "util/text.h"

namespace killswitch::policy {

ModuleSymbols::ModuleSymbols(std::string_view text) {
  constexpr std::string_view kPrefix = "symbol:";

  for (auto line : util::split_lines(text)) {
    const auto words = util::split_words(line);
    if (words.size() != 3 || words[0] != "alias" ||
        !words[1].starts_with(kPrefix))
      continue;
    // Only names the control file accepts: a module name it would refuse
    // is better left unresolved than written.
    const std::string symbol(words[1].substr(kPrefix.size()));
    const std::string module(words[2]);
    if (symbols::parse_symbol_name(fmt::format("{}:{}", module, symbol)))
      modules_.emplace(symbol, module);
  }
}

std::optional<std::string>
ModuleSymbols::module_of(std::string_view symbol) const {
  const auto it = modules_.find(symbol);
  if (it == modules_.end())
    return std::nullopt;
  return it->second;
}

} // namespace killswitch::policy
