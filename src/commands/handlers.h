#pragma once

#include <string>
#include <vector>

#include "commands/failure.h"
#include "kernel_iface/interface.h"
#include "output/printer.h"
#include "util/result.h"

namespace killswitch::commands {

// What a handler works with: the kernel's files and the chosen printer.
struct Context {
  kernel_iface::Interface& iface;
  output::Printer& out;
};

// The words and flags main collected for a verb.
struct Args {
  std::vector<std::string> words;
  bool all = false;
};

// Handlers report success through ctx.out and return a Failure for main to
// print.  Invalid input throws UsageError before anything is written.
using Outcome = util::Result<void, Failure>;

// engage SYMBOL RETVAL
Outcome do_engage(Context& ctx, const Args& args);

// disengage SYMBOL | disengage --all
Outcome do_disengage(Context& ctx, const Args& args);

// status
Outcome do_status(Context& ctx, const Args& args);

} // namespace killswitch::commands
