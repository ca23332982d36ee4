#pragma once

#include <string>
#include <vector>

#include "analysis/system_view.h"
#include "commands/failure.h"
#include "kernel_iface/interface.h"
#include "output/printer.h"
#include "util/result.h"

namespace killswitch::commands {

// What a handler works with: the kernel's files and the chosen printer.
// `view` is what engage and probe check targets against (docs/check.md);
// without one they engage unchecked (KILLSWITCH_NO_CHECK=1, unit tests).
struct Context {
  kernel_iface::Interface& iface;
  output::Printer& out;
  const analysis::SystemView* view = nullptr;
};

// The words and flags main collected for a verb.
struct Args {
  std::vector<std::string> words;
  bool all = false;
  bool dry_run = false;            // apply
  bool boot = false;               // apply
  bool force = false;              // engage, probe: over a REFUSE verdict
  bool strict = false;             // engage: stop on a WARN verdict
  std::string from = {};           // engage --from FILE
  std::string window = {};         // engage --probe, probe --for: a duration
  std::string kernel_release = {}; // check --kernel-release
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

// apply [--dry-run] [--boot]
Outcome do_apply(Context& ctx, const Args& args);

// bootparam
Outcome do_bootparam(Context& ctx, const Args& args);

// check SYMBOL [RETVAL] [--kernel-release R]
Outcome do_check(Context& ctx, const Args& args);

// probe SYMBOL --for DURATION
Outcome do_probe(Context& ctx, const Args& args);

} // namespace killswitch::commands
