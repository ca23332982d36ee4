#include "analysis/symbol_index.h"

#include <algorithm>

namespace killswitch::analysis {

SymbolMatches match_symbols(std::span<const SymbolEntry> entries,
                            std::string_view name, std::string_view base) {
  SymbolMatches matches;
  for (const auto& entry : entries) {
    if (entry.name == name) {
      (entry.is_text() ? matches.functions : matches.others).push_back(entry);
      continue;
    }
    if (!entry.is_text())
      continue;
    auto kinds = parse_clone_suffixes(entry.name, base);
    if (!kinds)
      continue;
    const CloneShape shape = clone_shape(*kinds);
    matches.clones.push_back(Clone{entry, std::move(*kinds), shape});
  }
  return matches;
}

SymbolMatches in_module(const SymbolMatches& matches, std::string_view module) {
  SymbolMatches out;
  const auto here = [&](const SymbolEntry& e) { return e.module == module; };
  std::copy_if(matches.functions.begin(), matches.functions.end(),
               std::back_inserter(out.functions), here);
  std::copy_if(matches.others.begin(), matches.others.end(),
               std::back_inserter(out.others), here);
  std::copy_if(matches.clones.begin(), matches.clones.end(),
               std::back_inserter(out.clones),
               [&](const Clone& c) { return here(c.entry); });
  return out;
}

} // namespace killswitch::analysis
