#include "kernel_iface/command.h"

#include <utility>

#include <fmt/format.h>

namespace killswitch::kernel_iface {

std::string_view verb_name(Verb verb) {
  switch (verb) {
  case Verb::engage:
    return "engage";
  case Verb::disengage:
    return "disengage";
  case Verb::disengage_all:
    return "disengage_all";
  }
  return "?";
}

Command Command::engage(symbols::SymbolName target, std::int64_t retval) {
  return Command{Verb::engage, std::move(target), retval};
}

Command Command::disengage(symbols::SymbolName target) {
  return Command{Verb::disengage, std::move(target), 0};
}

Command Command::disengage_all() {
  return Command{};
}

std::string format_command(const Command& command) {
  switch (command.verb) {
  case Verb::engage:
    return fmt::format("engage {} {}\n", command.target.to_string(),
                       command.retval);
  case Verb::disengage:
    return fmt::format("disengage {}\n", command.target.to_string());
  case Verb::disengage_all:
    break;
  }
  return "disengage_all\n";
}

} // namespace killswitch::kernel_iface
