// Can the located function be probed at all: an ftrace site, not on the
// kprobe blacklist, not __init code.  The kernel refuses each of these on
// engage; checking first turns an errno into a reason.

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "analysis/check_context.h"
#include "analysis/ftrace_filter.h"
#include "analysis/kprobe_blacklist.h"

namespace killswitch::analysis::detail {
namespace {

bool is_init_section(std::string_view section) {
  return section.starts_with(".init.");
}

std::string why_unreadable(const util::Error& error) {
  return error.code == ENOENT ? "not mounted" : std::strerror(error.code);
}

void check_ftrace(Context& ctx, const SymbolEntry& entry) {
  const auto& text = *ctx.prefetched.filter_functions;
  const std::string& path = ctx.prefetched.filter_functions_path;
  if (!text) {
    ctx.add(Level::warn, "tracefs-unavailable",
            fmt::format("tracefs is unavailable ({}: {}): whether {} has an "
                        "ftrace site is left to the kernel, which refuses a "
                        "function without one (EOPNOTSUPP)",
                        path, why_unreadable(text.error()), ctx.symbol));
    return;
  }
  auto sites = find_ftrace_sites(*text, ctx.symbol);
  if (!sites) {
    ctx.add(Level::warn, "tracefs-unavailable",
            fmt::format("{}: {}", path, sites.error().message));
    return;
  }
  for (const auto& module : *sites) {
    if (module == entry.module) {
      ctx.report.probe.ftrace_site = Answer::yes;
      return;
    }
  }
  ctx.report.probe.ftrace_site = Answer::no;
  ctx.add(Level::refuse, "no-ftrace-site",
          fmt::format("{} in {} has no ftrace site (it is not in {}): it is "
                      "notrace, always inlined, or __init code already freed; "
                      "the kernel would refuse it (EOPNOTSUPP)",
                      ctx.symbol, where(entry), path));
}

void check_blacklist(Context& ctx, const SymbolEntry& entry) {
  const auto& text = *ctx.prefetched.blacklist;
  const std::string path = ctx.paths.kprobe_blacklist();
  if (!text) {
    ctx.add(Level::warn, "blacklist-unavailable",
            fmt::format("the kprobe blacklist is unavailable ({}: {}): the "
                        "kernel still refuses a blacklisted function "
                        "(EINVAL)",
                        path, why_unreadable(text.error())));
    return;
  }
  auto list = parse_kprobe_blacklist(*text);
  if (!list) {
    ctx.add(Level::warn, "blacklist-unavailable",
            fmt::format("{}: {}", path, list.error().message));
    return;
  }
  const BlacklistEntry* hit = find_blacklisted(*list, entry);
  ctx.report.probe.blacklisted = hit != nullptr ? Answer::yes : Answer::no;
  if (hit != nullptr)
    ctx.add(Level::refuse, "blacklisted",
            fmt::format("{} is on the kprobe blacklist{}: probing it could "
                        "recurse into the probe machinery; the kernel would "
                        "refuse it (EINVAL)",
                        ctx.symbol,
                        hit->name == entry.name
                            ? std::string()
                            : fmt::format(" (inside {})", hit->name)));
}

// vmlinux's __init text stays in kallsyms after it is freed; a module's
// leaves kallsyms when its init returns, so a loaded module's entry is not
// init code, and for an unloaded one the .ko's section tells.
void check_init(Context& ctx, const SymbolEntry& entry) {
  Answer& init = ctx.report.probe.init_section;
  // ftrace drops the sites of the init code it frees, so a site means the
  // function is not init code.
  const bool not_init =
      !entry.in_vmlinux() || ctx.report.probe.ftrace_site == Answer::yes;
  if (!entry.section.empty())
    init = is_init_section(entry.section) ? Answer::yes : Answer::no;
  else if (ctx.init_text && entry.in_vmlinux())
    init = ctx.init_text->contains(entry.address) ? Answer::yes : Answer::no;
  else if (not_init)
    init = Answer::no;

  if (init == Answer::yes)
    ctx.add(Level::refuse, "init-section",
            fmt::format("{} is __init code ({}), freed once {} has "
                        "initialised",
                        ctx.symbol,
                        entry.section.empty() ? "between _sinittext and "
                                                "_einittext"
                                              : entry.section,
                        entry.in_vmlinux() ? "the kernel" : entry.module));
  else if (init == Answer::unknown &&
           ctx.report.probe.ftrace_site == Answer::unknown)
    ctx.add(Level::warn, "init-unknown",
            fmt::format("whether {} is __init code cannot be told without "
                        "its address or its ftrace site",
                        ctx.symbol));
}

} // namespace

void check_probe(Context& ctx) {
  if (!ctx.report.location)
    return;
  const Location& location = *ctx.report.location;
  const SymbolEntry& entry = location.entry;

  if (ctx.paths.running && location.loaded) {
    check_ftrace(ctx, entry);
    check_blacklist(ctx, entry);
  } else {
    ctx.add(Level::warn, "probe-unknown",
            fmt::format("the ftrace site and the kprobe blacklist of {} "
                        "cannot be checked {}: the kernel checks them when it "
                        "engages",
                        ctx.symbol,
                        ctx.paths.running
                            ? "before its module loads"
                            : "for a kernel that is not running"));
  }
  check_init(ctx, entry);
}

} // namespace killswitch::analysis::detail
