#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "analysis/clone.h"
#include "analysis/symbol.h"

namespace killswitch::analysis {

struct Clone {
  SymbolEntry entry;
  std::vector<CloneKind> kinds; // empty: the plain function (shape original)
  CloneShape shape = CloneShape::original;
};

// The entries that bear on one target name, sorted into what the check
// reports.  Built from a scan that kept `base` and every `base.*` name.
struct SymbolMatches {
  std::vector<SymbolEntry> functions; // text, named exactly like the target
  std::vector<SymbolEntry> others;    // named like it but not text (data)
  // The rest of the family: clones of `base`, and `base` itself when the
  // target is a clone.  Names with unknown suffixes are not family.
  std::vector<Clone> clones;
};

// Sorts `entries` for target `name`, whose clone base is `base`.  Entries
// are kept as they come (file order) and never merged: two entries with the
// same name and module are two functions, whatever their addresses.
SymbolMatches match_symbols(std::span<const SymbolEntry> entries,
                            std::string_view name, std::string_view base);

// The matches restricted to one module ("" = vmlinux).
SymbolMatches in_module(const SymbolMatches& matches, std::string_view module);

} // namespace killswitch::analysis
