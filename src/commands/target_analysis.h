#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "analysis/report.h"
#include "analysis/system_view.h"
#include "commands/handlers.h"
#include "symbols/symbol_name.h"

namespace killswitch::commands {

// The analysis of `killswitch check`, run by engage and probe before they
// write anything (docs/check.md, "Engage uses it").

// Reads each file once and hands out the same text afterwards, so the many
// checks of a glob read /proc/kallsyms and the BTF files a single time.
// Errors are not kept: a failed read is retried.
class CachedSystemView final : public analysis::SystemView {
public:
  explicit CachedSystemView(const analysis::SystemView& inner)
      : inner_(inner) {}

  bool exists(const std::string& path) const override;
  util::Result<std::string> read_file(const std::string& path) const override;
  util::Result<std::vector<std::string>>
  list_dir(const std::string& path) const override;

private:
  const analysis::SystemView& inner_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::string> files_;
};

struct GateOptions {
  bool force = false;  // go ahead over REFUSE, or without an analysis
  bool strict = false; // stop on WARN
};

// The target to write for `asked`: MODULE:SYMBOL when the analysis placed
// the function in a module, loaded or not, so that the engagement outlives
// an unload and a module that is not loaded yet gets a pending one.
symbols::SymbolName write_target(const analysis::Report& report,
                                 const symbols::SymbolName& asked);

// Decides whether engaging may go on after `report` (an error: the check
// could not run).  Warnings, and refusals overridden by --force, are
// printed; a stop is returned as the Failure to exit with.  A module that
// is neither loaded nor installed stops even with --force: the engagement
// would wait for a module that cannot load.
Outcome gate(Context& ctx, const symbols::SymbolName& asked,
             const util::Result<analysis::Report>& report,
             const GateOptions& options);

// Runs the check of one target against `view`.
util::Result<analysis::Report> check_target(const analysis::SystemView& view,
                                            const symbols::SymbolName& target,
                                            std::optional<std::int64_t> retval);

// The functions a glob ranges over: the text symbols of /proc/kallsyms,
// vmlinux and loaded modules, without compiler clones, __pfx_/__cfi_
// padding and pseudo-modules such as [bpf].  A module's function comes
// with its module, so it is written MODULE:SYMBOL.
util::Result<std::vector<symbols::SymbolName>>
glob_universe(const analysis::SystemView& view);

// The reasons of a verdict at `level` or worse, one "code: message" each.
std::vector<std::string> reasons_at(const analysis::Report& report,
                                    analysis::Level level);

} // namespace killswitch::commands
