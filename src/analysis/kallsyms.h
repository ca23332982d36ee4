#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "analysis/symbol.h"
#include "util/result.h"

namespace killswitch::analysis {

// One line of /proc/kallsyms or a System.map:
//   ADDRESS TYPE NAME            (vmlinux)
//   ADDRESS TYPE NAME\t[MODULE]  (a module, or a pseudo-module: [bpf])
// ADDRESS is 1..16 hex digits, TYPE one letter, NAME has no blanks.
util::Result<SymbolEntry> parse_kallsyms_line(std::string_view line);

// What one pass over a kallsyms text says about one name.
struct KallsymsScan {
  // Every entry named `base` or `base.<anything>` (the clone candidates),
  // in file order; nothing is deduplicated.
  std::vector<SymbolEntry> entries;
  // kptr_restrict printed every address as 0.
  bool addresses_hidden = false;
  // vmlinux's init text (_sinittext.._einittext), when addresses are shown.
  std::optional<AddressRange> init_text;
};

// Finds the entries of `base` in `text` without parsing the other lines:
// a 120k-line kallsyms is searched with memmem for the name, and only the
// lines that hold it as their NAME column are parsed.  The first line is
// always parsed, so a file in another format is an error, not an empty
// result; so is a malformed line that names `base` (its line number is in
// the message).
util::Result<KallsymsScan> scan_kallsyms(std::string_view text,
                                         std::string_view base);

} // namespace killswitch::analysis
