#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/symbol.h"
#include "util/result.h"

namespace killswitch::analysis {

// One line of debugfs kprobes/blacklist:
//   0xSTART-0xEND\tNAME            (vmlinux)
//   0xSTART-0xEND\tNAME [MODULE]   (a module)
// Without the right to see addresses both are printed as 0.
struct BlacklistEntry {
  AddressRange range; // {0, 0} when hidden
  std::string name;
  std::string module; // empty: vmlinux
};

util::Result<std::vector<BlacklistEntry>>
parse_kprobe_blacklist(std::string_view text);

// The entry that covers `symbol`: by name and module, or, when both
// addresses are known, by its address falling inside a range (an alias
// of a blacklisted function is blacklisted too).  Null when none does.
const BlacklistEntry* find_blacklisted(std::span<const BlacklistEntry> list,
                                       const SymbolEntry& symbol);

} // namespace killswitch::analysis
