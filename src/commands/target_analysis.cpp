#include "commands/target_analysis.h"

#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analysis/check.h"
#include "analysis/kallsyms.h"
#include "analysis/paths.h"
#include "commands/rendered.h"
#include "util/text.h"

namespace killswitch::commands {
namespace {

using analysis::Level;
using util::fail;

std::string joined(const std::vector<std::string>& reasons) {
  std::string text;
  for (const auto& r : reasons)
    text += (text.empty() ? "" : "; ") + r;
  return text;
}

// Under JSON the reasons are an object of their own on stdout, since notes
// are dropped there; in text they go to stderr like any note.
void print_reasons(Context& ctx, const analysis::Report& report,
                   std::string_view heading) {
  nlohmann::json reasons = nlohmann::json::array();
  std::string text;
  for (const auto& f : report.verdict.reasons) {
    if (f.level == Level::ok)
      continue;
    reasons.push_back({{"level", analysis::finding_level_name(f.level)},
                       {"code", f.code},
                       {"message", f.message}});
    text += fmt::format("{}: {}: {}\n", heading, f.code, f.message);
  }
  nlohmann::json object = {
      {"check",
       {{"target", report.target},
        {"verdict", analysis::level_name(report.verdict.level)},
        {"exit_code", analysis::exit_code(report.verdict.level)},
        {"reasons", reasons}}}};
  print_rendered(ctx, "", text, object);
}

bool padding(std::string_view name) {
  return name.starts_with("__pfx_") || name.starts_with("__cfi_");
}

} // namespace

bool CachedSystemView::exists(const std::string& path) const {
  {
    std::lock_guard lock(mutex_);
    if (files_.contains(path))
      return true;
  }
  return inner_.exists(path);
}

util::Result<std::string>
CachedSystemView::read_file(const std::string& path) const {
  {
    std::lock_guard lock(mutex_);
    if (auto it = files_.find(path); it != files_.end())
      return it->second;
  }
  auto text = inner_.read_file(path);
  if (text) {
    std::lock_guard lock(mutex_);
    files_.emplace(path, *text);
  }
  return text;
}

util::Result<std::vector<std::string>>
CachedSystemView::list_dir(const std::string& path) const {
  return inner_.list_dir(path);
}

// Only a module that is not loaded needs MOD:SYMBOL, so that the kernel
// can hold the engagement as pending; a loaded one is found by its plain
// name (the kernel looks in loaded modules first), which keeps the name
// the admin typed in `engaged`.
symbols::SymbolName write_target(const analysis::Report& report,
                                 const symbols::SymbolName& asked) {
  if (!report.location || report.location->entry.in_vmlinux() ||
      report.location->loaded || !asked.module.empty())
    return asked;
  return {report.location->entry.module, asked.symbol};
}

std::vector<std::string> reasons_at(const analysis::Report& report,
                                    Level level) {
  std::vector<std::string> reasons;
  for (const auto& f : report.verdict.reasons) {
    if (f.level >= level)
      reasons.push_back(f.code + ": " + f.message);
  }
  return reasons;
}

util::Result<analysis::Report>
check_target(const analysis::SystemView& view,
             const symbols::SymbolName& target,
             std::optional<std::int64_t> retval) {
  analysis::CheckOptions options;
  options.target = target;
  options.retval = retval;
  return analysis::check(view, options);
}

Outcome gate(Context& ctx, const symbols::SymbolName& asked,
             const util::Result<analysis::Report>& report,
             const GateOptions& options) {
  const auto name = asked.to_string();
  if (!report) {
    if (!options.force)
      return fail(
          Failure{ExitCode::failure,
                  fmt::format("cannot check {} before engaging it: {} (--force "
                              "engages it unchecked)",
                              name, report.error().message),
                  0});
    ctx.out.note(fmt::format("cannot check {}: {}; going ahead (--force)", name,
                             report.error().message));
    return {};
  }

  const auto& verdict = report->verdict;
  if (verdict.has("module-not-found"))
    return fail(Failure{
        ExitCode::not_found,
        fmt::format("no module {} is loaded or installed for kernel {}: "
                    "nothing engaged",
                    report->module, report->kernel_release),
        0});

  if (verdict.has("not-found") && !options.force)
    return fail(Failure{
        ExitCode::not_found,
        fmt::format("no such function in the running kernel, or its module "
                    "is not loaded or installed: {}",
                    name),
        0});

  if (verdict.level == Level::refuse && !options.force)
    return fail(
        Failure{ExitCode::check_refuse,
                fmt::format("check refused {}: {} (--force overrides)", name,
                            joined(reasons_at(*report, Level::refuse))),
                0});
  if (verdict.level == Level::warn && options.strict)
    return fail(
        Failure{ExitCode::check_warn,
                fmt::format("check warned about {} and --strict stops: {}",
                            name, joined(reasons_at(*report, Level::warn))),
                0});

  if (verdict.level == Level::refuse)
    print_reasons(ctx, *report,
                  fmt::format("refused {}, engaging anyway (--force)", name));
  else if (verdict.level == Level::warn)
    print_reasons(ctx, *report, fmt::format("warning: {}", name));
  return {};
}

util::Result<std::vector<symbols::SymbolName>>
glob_universe(const analysis::SystemView& view) {
  analysis::Paths paths;
  paths.release = analysis::Paths::osrelease("/");
  auto text = view.read_file(paths.kallsyms());
  if (!text)
    return fail(text.error());

  std::vector<symbols::SymbolName> names;
  std::set<std::string> seen;
  for (const auto line : util::split_lines(*text)) {
    auto entry = analysis::parse_kallsyms_line(line);
    if (!entry)
      return fail(entry.error());
    if (!entry->is_text() || padding(entry->name) ||
        entry->name.find('.') != std::string::npos || entry->module == "bpf" ||
        entry->module.starts_with("__"))
      continue;
    auto name = symbols::parse_symbol_name(
        entry->module.empty() ? entry->name
                              : entry->module + ":" + entry->name);
    if (!name || !seen.insert(name->to_string()).second)
      continue;
    names.push_back(std::move(*name));
  }
  return names;
}

} // namespace killswitch::commands
