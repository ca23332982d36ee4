#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "symbols/symbol_name.h"
#include "util/result.h"

namespace killswitch::commands {

// One target of `engage --from FILE`.
struct FileTarget {
  symbols::SymbolName target;
  std::int64_t retval = 0;
  int line = 0; // in the file, from 1, for messages
};

// Parses the text of an --from file: one "SYMBOL RETVAL" per line, with
// RETVAL as on the command line (-1, 0x10, EPERM, -EPERM).  '#' starts a
// comment; blank lines are skipped.  The first bad line makes the whole
// file an error naming it, so a half-read file never reaches the kernel.
// A target listed twice is an error too: the kernel would refuse the
// batch with EBUSY.
util::Result<std::vector<FileTarget>> parse_target_file(std::string_view text);

} // namespace killswitch::commands
