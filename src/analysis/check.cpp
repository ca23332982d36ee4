#include "analysis/check.h"

#include <cerrno>
#include <future>

#include <fmt/format.h>

#include "analysis/check_context.h"
#include "analysis/core_functions.h"
#include "analysis/modules.h"
#include "util/text.h"

namespace killswitch::analysis {
namespace {

using detail::Context;
using util::fail;

// The module's own name; engage of its functions fails with EACCES.
constexpr std::string_view kSelf = "killswitch";

util::Result<Paths> make_paths(const SystemView& view,
                               const CheckOptions& options) {
  Paths paths;
  paths.root = options.root;
  auto running = view.read_file(Paths::osrelease(options.root));
  if (!running && !options.kernel_release)
    return fail(running.error());
  const std::string running_release =
      running ? std::string(util::trim(*running)) : std::string();
  paths.release = options.kernel_release.value_or(running_release);
  paths.running = paths.release == running_release;
  return paths;
}

// What the name alone says, before any table is read.  A '-' in the
// module part was folded to '_' when the name was parsed, as the kernel
// folds it.
void check_name(Context& ctx) {
  for (const std::string_view prefix : {"__pfx_", "__cfi_"})
    if (ctx.symbol.starts_with(prefix))
      ctx.add(Level::refuse, "padding",
              fmt::format("{} is the padding in front of {}, not a function",
                          ctx.symbol, ctx.symbol.substr(prefix.size())));
  detail::report_target_clone(ctx);
}

void check_policy(Context& ctx) {
  const Report& report = ctx.report;
  const bool self = ctx.module == kSelf ||
                    (report.location && report.location->entry.module == kSelf);
  if (self)
    ctx.add(Level::refuse, "killswitch-self",
            "the target is a function of killswitch itself; the kernel "
            "refuses it (EACCES)");
  if (const CoreFunction* core = find_core_function(ctx.symbol)) {
    ctx.report.core_area = core->area;
    ctx.add(Level::refuse, "core-function",
            fmt::format("{} is on the core-function list ({}, matched by "
                        "'{}'): losing it takes the machine or killswitch's "
                        "own safeguards down; engage refuses it unless --force",
                        ctx.symbol, core->area, core->pattern));
  }
}

void prefetch(Context& ctx) {
  const SystemView& view = ctx.view;
  auto& p = ctx.prefetched;
  // Report the tracefs mount point, not the debugfs fallback, when
  // neither is there.
  for (const auto& path : ctx.paths.filter_functions()) {
    auto text = view.read_file(path);
    const bool missing = !text && text.error().code == ENOENT;
    if (!p.filter_functions || !missing) {
      p.filter_functions = std::move(text);
      p.filter_functions_path = path;
    }
    if (!missing)
      break;
  }
  p.blacklist = view.read_file(ctx.paths.kprobe_blacklist());
  p.proc_modules = view.read_file(ctx.paths.proc_modules());
  detail::vmlinux_btf(ctx);
}

util::Result<void> run(Context& ctx) {
  if (!ctx.paths.running) {
    if (auto ok = detail::locate_offline(ctx); !ok)
      return ok;
  } else {
    // The kernel formats /proc/kallsyms one symbol at a time, which on a
    // 120k-symbol kernel costs more than everything else the check does;
    // overlap it with the other reads.
    auto kallsyms = std::async(std::launch::async, [&] {
      return ctx.view.read_file(ctx.paths.kallsyms());
    });
    prefetch(ctx);
    auto text = kallsyms.get();
    if (!text)
      return fail(text.error());
    if (auto ok = detail::locate_running(ctx, *text); !ok)
      return ok;
  }
  detail::check_probe(ctx);
  detail::check_types(ctx);
  check_policy(ctx);
  return {};
}

} // namespace

namespace detail {

Context::Context(const SystemView& system, Paths where, std::string module_name,
                 std::string symbol_name, std::optional<std::int64_t> value,
                 Report& out)
    : view(system), paths(std::move(where)), module(std::move(module_name)),
      symbol(std::move(symbol_name)), base(clone_base(symbol)),
      target_kinds(parse_clone_suffixes(symbol, base)
                       .value_or(std::vector<CloneKind>{})),
      retval(value), report(out) {}

} // namespace detail

util::Result<Report> check(const SystemView& view,
                           const CheckOptions& options) {
  auto paths = make_paths(view, options);
  if (!paths)
    return fail(paths.error());

  Report report;
  report.module = normalize_module_name(options.target.module);
  report.symbol = options.target.symbol;
  report.target = report.module.empty()
                      ? report.symbol
                      : fmt::format("{}:{}", report.module, report.symbol);
  report.kernel_release = paths->release;
  report.running_kernel = paths->running;
  report.retval = options.retval;

  Context ctx(view, std::move(paths.value()), report.module, report.symbol,
              options.retval, report);
  check_name(ctx);
  if (auto ok = run(ctx); !ok)
    return fail(ok.error());
  return report;
}

} // namespace killswitch::analysis
