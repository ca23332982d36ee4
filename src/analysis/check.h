#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "analysis/report.h"
#include "analysis/system_view.h"
#include "symbols/symbol_name.h"
#include "util/result.h"

namespace killswitch::analysis {

struct CheckOptions {
  symbols::SymbolName target;
  std::optional<std::int64_t> retval; // nothing: suggest one
  // Where the system lives; every path is taken under it.
  std::string root = "/";
  // The kernel to check; nothing means the running one (read from
  // ROOT/proc/sys/kernel/osrelease).  A release that is not the running
  // one is checked from ROOT/boot and ROOT/lib/modules/RELEASE only.
  std::optional<std::string> kernel_release;
};

// Checks whether engaging `options.target` with `options.retval` is safe
// and does what it says.  Everything about the target, including "there is
// no such function", is in the report's verdict; an error means the check
// could not run at all (no kallsyms to read, a file in the wrong format).
util::Result<Report> check(const SystemView& view, const CheckOptions& options);

} // namespace killswitch::analysis
