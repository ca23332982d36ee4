#pragma once

#include <optional>
#include <string_view>

#include "commands/failure.h"
#include "kernel_iface/command.h"
#include "util/error.h"

namespace killswitch::commands {

// Turns an error from the kernel interface into the sentence and exit code
// the user sees.  `verb` is the command being sent (nullopt outside a
// command, e.g. when mounting or reading status) and `subject` its target.
// The wording of every errno lives in one table in kernel_errors.cpp and
// follows docs/control-interface.md.
Failure explain(const util::Error& error,
                std::optional<kernel_iface::Verb> verb,
                std::string_view subject);

} // namespace killswitch::commands
