#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "symbols/symbol_name.h"

namespace killswitch::kernel_iface {

enum class Verb { engage, disengage, disengage_all };

std::string_view verb_name(Verb verb);

// One command of the control file.  Commands are built from a checked
// SymbolName, so every command the tool formats is one the kernel's
// grammar accepts.
struct Command {
  Verb verb = Verb::disengage_all;
  symbols::SymbolName target; // unused for disengage_all
  std::int64_t retval = 0;    // engage only

  static Command engage(symbols::SymbolName target, std::int64_t retval);
  static Command disengage(symbols::SymbolName target);
  static Command disengage_all();
};

// The line for the control file, e.g. "engage af_alg_sendmsg -1\n"; the
// value is always written in decimal.
std::string format_command(const Command& command);

} // namespace killswitch::kernel_iface
