#pragma once

// Private to the check: the state its stages share.  Not installed, not
// for the CLI.

#include <optional>
#include <string>
#include <vector>

#include "analysis/btf.h"
#include "analysis/clone.h"
#include "analysis/kallsyms.h"
#include "analysis/paths.h"
#include "analysis/report.h"
#include "analysis/system_view.h"

namespace killswitch::analysis::detail {

// Files the check reads on the running kernel, fetched up front so that
// kallsyms can be read on its own thread.
struct Prefetched {
  std::optional<util::Result<std::string>> filter_functions;
  std::string filter_functions_path;
  std::optional<util::Result<std::string>> blacklist;
  std::optional<util::Result<std::string>> proc_modules;
};

struct Context {
  Context(const SystemView& system, Paths where, std::string module_name,
          std::string symbol_name, std::optional<std::int64_t> value,
          Report& out);

  const SystemView& view;
  Paths paths;
  std::string module; // normalised; empty when none was named
  std::string symbol;
  std::string base;                    // the symbol without clone suffixes
  std::vector<CloneKind> target_kinds; // its clone suffixes, if any
  std::optional<std::int64_t> retval;
  Report& report;

  Prefetched prefetched;
  std::optional<util::Result<std::string>> modules_dep; // read when needed
  std::optional<AddressRange> init_text; // vmlinux init text, when known
  std::string ko_image; // the target module's decompressed .ko, when read
  std::optional<Btf> vmlinux_btf;
  std::string vmlinux_btf_path;
  bool vmlinux_btf_tried = false;

  void add(Level level, std::string code, std::string message) {
    report.verdict.add(level, std::move(code), std::move(message));
  }
};

// Where the target is: fills location, candidates and clones.  Errors
// only when the symbol table itself cannot be read or parsed.
util::Result<void> locate_running(Context& ctx, std::string_view kallsyms);
util::Result<void> locate_offline(Context& ctx);

// Findings about the target's clones (clone_findings.cpp).
void report_clones(Context& ctx);
void report_clone_only(Context& ctx, std::string_view where);
void report_target_clone(Context& ctx);

// ftrace site, kprobe blacklist, __init; needs the location.
void check_probe(Context& ctx);

// BTF return type and RETVAL; needs the location.
void check_types(Context& ctx);

// vmlinux BTF, loaded once (the first readable candidate of the paths).
const Btf* vmlinux_btf(Context& ctx);

// The .ko of `module` under the release's modules directory, as a path;
// nothing when it is not installed.
util::Result<std::optional<std::string>>
find_module_file(Context& ctx, std::string_view module);

// Reads and decompresses a .ko into ctx.ko_image.
util::Result<void> load_module_image(Context& ctx, const std::string& path);

} // namespace killswitch::analysis::detail
