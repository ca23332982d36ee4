#pragma once

#include "commands/handlers.h"
#include "kernel_iface/command.h"
#include "symbols/symbol_name.h"

namespace killswitch::commands {

// Steps the handlers share.

// Mounts securityfs if needed (saying so as a note).  With `need_module`,
// a missing killswitch directory is the not-loaded failure.
Outcome prepare(Context& ctx, bool need_module);

// Writes one command and reports it, or explains the kernel's refusal.
Outcome send(Context& ctx, const kernel_iface::Command& command);

// A SYMBOL argument, checked against the kernel's grammar.
symbols::SymbolName symbol_argument(const std::string& text);

} // namespace killswitch::commands
