// Where a target is: which symbol-table entry it names, in vmlinux or in a
// module, loaded or on disk, and what else bears its name.

#include <algorithm>
#include <cerrno>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "analysis/check_context.h"
#include "analysis/elf_image.h"
#include "analysis/modules.h"
#include "analysis/symbol_index.h"
#include "util/text.h"

namespace killswitch::analysis::detail {
namespace {

using util::Error;
using util::fail;

// kallsyms lists BPF programs and ftrace/kprobe trampolines under these
// bracketed names; they are not modules and not kernel functions.
bool is_pseudo_module(std::string_view module) {
  return module == "bpf" || module.starts_with("__builtin__");
}

// Debian's linux-image packages install a System.map of one line,
// "ffffffffffffffff B The real System.map is in the linux-image-<version>-dbg
// package": a sentence where the name belongs.  The sentence, when `text`
// is such a placeholder.
std::optional<std::string_view> system_map_placeholder(std::string_view text) {
  const std::string_view line = util::trim(text);
  if (line.find('\n') != std::string_view::npos)
    return std::nullopt;
  const auto words = util::split_words(line);
  if (words.size() < 4)
    return std::nullopt;
  // The words are views into `line`: the sentence runs from the third on.
  return line.substr(static_cast<std::size_t>(words[2].data() - line.data()));
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words)
    out += (out.empty() ? "" : ", ") + word;
  return out;
}

void choose(Context& ctx, const SymbolEntry& entry, const SymbolMatches& scope,
            bool loaded, std::string source, std::string file) {
  ctx.report.location =
      Location{entry, loaded, std::move(source), std::move(file)};
  ctx.report.clones = scope.clones;
  report_clones(ctx);
  if (is_pseudo_module(entry.module))
    ctx.add(Level::refuse, "not-kernel-code",
            fmt::format("{} is listed under [{}]: a BPF program or a "
                        "trampoline, not a kernel function",
                        ctx.symbol, entry.module));
}

// There is no function of that name in `scope`: say what there is.
void report_missing(Context& ctx, const SymbolMatches& scope,
                    std::string_view scope_name, std::string_view hint) {
  ctx.report.clones = scope.clones;
  if (!scope.others.empty()) {
    ctx.add(Level::refuse, "not-function",
            fmt::format("{} in {} is not a function: its symbol is of type "
                        "'{}' (data)",
                        ctx.symbol, scope_name, scope.others.front().type));
  } else if (!scope.clones.empty()) {
    report_clone_only(ctx, scope_name);
  } else {
    ctx.add(
        Level::refuse, "not-found",
        fmt::format("no function {} in {}{}", ctx.symbol, scope_name, hint));
  }
}

void report_duplicates(Context& ctx, const SymbolMatches& scope,
                       std::string_view scope_name) {
  std::map<std::string, int> per_module;
  std::vector<std::string> places;
  for (const auto& entry : scope.functions) {
    ++per_module[entry.module];
    places.push_back(where(entry));
  }
  ctx.report.clones = scope.clones;

  std::string hint;
  std::vector<std::string> pickable;
  for (const auto& [module, count] : per_module) {
    if (count > 1)
      hint += fmt::format("; the {} in {} cannot be told apart by name", count,
                          module.empty() ? "vmlinux" : module);
    else if (!module.empty() && ctx.module.empty())
      pickable.push_back(fmt::format("{}:{}", module, ctx.symbol));
  }
  if (ctx.module.empty() && per_module.count("") == 1 && per_module[""] == 1)
    hint += "; the plain name would engage the one in vmlinux (the kernel "
            "looks there first)";
  if (!pickable.empty())
    hint += fmt::format("; name a module's one as {}", join(pickable));

  ctx.add(Level::refuse, "duplicate",
          fmt::format("{} functions are named {} in {} ({}): the name is "
                      "ambiguous and engage does not guess{}",
                      scope.functions.size(), ctx.symbol, scope_name,
                      join(places), hint));
}

// Resolves within one scope: vmlinux and every module (plain name), or one
// module.
void resolve_scope(Context& ctx, const SymbolMatches& scope,
                   std::string_view scope_name, std::string_view hint,
                   bool loaded, const std::string& source,
                   const std::string& file) {
  if (scope.functions.empty())
    return report_missing(ctx, scope, scope_name, hint);
  if (scope.functions.size() > 1)
    return report_duplicates(ctx, scope, scope_name);
  const SymbolEntry& entry = scope.functions.front();
  choose(ctx, entry, in_module(scope, entry.module), loaded, source, file);
}

// The .ko path of each module candidate, so that a user can tell static
// functions of the same name apart.
void fill_candidates(Context& ctx, const std::vector<SymbolEntry>& functions) {
  for (const auto& entry : functions) {
    Candidate candidate{entry, {}};
    if (!entry.in_vmlinux() && functions.size() > 1 &&
        !is_pseudo_module(entry.module))
      if (auto file = find_module_file(ctx, entry.module); file && *file)
        candidate.file = **file;
    ctx.report.candidates.push_back(std::move(candidate));
  }
}

void note_others(Context& ctx, const SymbolMatches& all) {
  std::vector<std::string> places;
  for (const auto& entry : all.functions)
    if (entry.module != ctx.module)
      places.push_back(where(entry));
  if (!places.empty())
    ctx.add(Level::ok, "duplicate-elsewhere",
            fmt::format("other functions named {} exist in {}: engaging "
                        "{}:{} leaves them alone",
                        ctx.symbol, join(places), ctx.module, ctx.symbol));
}

bool is_builtin(Context& ctx) {
  auto text = ctx.view.read_file(ctx.paths.modules_builtin());
  return text && is_builtin_module(*text, ctx.module);
}

// The named module is not loaded: look for its .ko.
void resolve_from_ko(Context& ctx) {
  const std::string& module = ctx.module;
  auto path = find_module_file(ctx, module);
  if (!path) {
    ctx.add(Level::refuse, "module-unreadable", path.error().message);
    return;
  }
  if (!*path) {
    ctx.add(Level::refuse, "module-not-found",
            fmt::format("no module {} is {}installed under {}", module,
                        ctx.paths.running ? "loaded or " : "",
                        ctx.paths.modules_dir()));
    return;
  }
  const std::string& file = **path;
  if (auto image = load_module_image(ctx, file); !image) {
    ctx.add(Level::refuse, "module-unreadable", image.error().message);
    return;
  }
  auto entries = elf_symbols(ctx.ko_image, module, file);
  if (!entries) {
    ctx.add(Level::refuse, "module-unreadable", entries.error().message);
    return;
  }

  const auto matches = match_symbols(*entries, ctx.symbol, ctx.base);
  fill_candidates(ctx, matches.functions);
  resolve_scope(ctx, matches, fmt::format("{} ({})", module, file), "", false,
                "ko", file);
  if (ctx.report.location && ctx.paths.running)
    ctx.add(Level::ok, "module-not-loaded",
            fmt::format("{} is not loaded: the engagement stays pending until "
                        "it loads, and is armed before its init function "
                        "runs",
                        module));
}

// A named module on the running kernel: loaded, built in, or on disk.
util::Result<void> resolve_module(Context& ctx, const SymbolMatches& all) {
  const std::string& module = ctx.module;
  note_others(ctx, all);

  const auto& listed = *ctx.prefetched.proc_modules;
  bool loaded =
      std::any_of(all.functions.begin(), all.functions.end(),
                  [&](const SymbolEntry& e) { return e.module == module; });
  if (listed) {
    auto modules = parse_proc_modules(*listed);
    if (!modules)
      return fail(modules.error());
    loaded = loaded || std::any_of(modules->begin(), modules->end(),
                                   [&](const LoadedModule& m) {
                                     return m.name == module;
                                   });
  }

  if (loaded) {
    resolve_scope(ctx, in_module(all, module), fmt::format("module {}", module),
                  "", true, "kallsyms", "");
  } else if (is_builtin(ctx)) {
    ctx.add(Level::refuse, "module-builtin",
            fmt::format("{} is built into vmlinux, so it never loads as a "
                        "module: name the function as {} alone",
                        module, ctx.symbol));
  } else if (!listed && listed.error().code == ENOENT) {
    ctx.add(Level::refuse, "no-module-support",
            fmt::format("{} does not exist: this kernel cannot load modules",
                        ctx.paths.proc_modules()));
  } else {
    resolve_from_ko(ctx);
  }
  return {};
}

} // namespace

util::Result<void> locate_running(Context& ctx, std::string_view kallsyms) {
  auto scan = scan_kallsyms(kallsyms, ctx.base);
  if (!scan)
    return fail(Error::invalid(
        fmt::format("{}: {}", ctx.paths.kallsyms(), scan.error().message)));
  ctx.report.addresses_hidden = scan->addresses_hidden;
  ctx.init_text = scan->init_text;
  if (scan->addresses_hidden)
    ctx.add(Level::ok, "addresses-hidden",
            "addresses hidden (kptr_restrict): symbols are told apart by name "
            "and module only, and address ranges are not checked");

  const auto all = match_symbols(scan->entries, ctx.symbol, ctx.base);
  if (!ctx.module.empty())
    return resolve_module(ctx, all);

  fill_candidates(ctx, all.functions);
  resolve_scope(ctx, all, "the running kernel",
                fmt::format(" (kallsyms); a function of a module that is not "
                            "loaded must be named MODULE:{}",
                            ctx.symbol),
                true, "kallsyms", "");
  return {};
}

util::Result<void> locate_offline(Context& ctx) {
  if (!ctx.module.empty()) {
    if (is_builtin(ctx))
      ctx.add(Level::refuse, "module-builtin",
              fmt::format("{} is built into vmlinux {}: name the function as "
                          "{} alone",
                          ctx.module, ctx.paths.release, ctx.symbol));
    else
      resolve_from_ko(ctx);
    return {};
  }

  for (const auto& path : ctx.paths.system_maps()) {
    auto text = ctx.view.read_file(path);
    if (!text)
      continue;
    auto scan = scan_kallsyms(*text, ctx.base);
    if (!scan) {
      const auto placeholder = system_map_placeholder(*text);
      ctx.add(Level::ok, "system-map-unusable",
              placeholder
                  ? fmt::format("{} is a placeholder, not a symbol table: "
                                "\"{}\"",
                                path, *placeholder)
                  : fmt::format("{} is not a symbol table: {}", path,
                                scan.error().message));
      continue;
    }
    ctx.init_text = scan->init_text;
    const auto all = match_symbols(scan->entries, ctx.symbol, ctx.base);
    fill_candidates(ctx, all.functions);
    resolve_scope(ctx, all, fmt::format("vmlinux {}", ctx.paths.release),
                  fmt::format(" ({}); a module's function must be named "
                              "MODULE:{}",
                              path, ctx.symbol),
                  true, "System.map", "");
    return {};
  }

  // No symbol table: vmlinux BTF still knows which functions exist.
  const Btf* btf = vmlinux_btf(ctx);
  if (btf == nullptr) {
    ctx.add(Level::refuse, "no-symbols",
            fmt::format("neither a System.map nor vmlinux BTF for {}: "
                        "whether {} exists cannot be told",
                        ctx.paths.release, ctx.symbol));
    return {};
  }
  if (!find_return_type(*btf, ctx.symbol)) {
    ctx.add(Level::refuse, "not-found",
            fmt::format("no function {} in the vmlinux BTF of {} (there is no "
                        "System.map); a module's function must be named "
                        "MODULE:{}",
                        ctx.symbol, ctx.paths.release, ctx.symbol));
    return {};
  }
  SymbolEntry entry{ctx.symbol, 'T', "", 0, ""};
  ctx.report.candidates.push_back(Candidate{entry, {}});
  ctx.report.location = Location{entry, true, "btf", ctx.vmlinux_btf_path};
  ctx.add(Level::warn, "no-symbol-table",
          fmt::format("no System.map for {}: {} exists in its BTF, but "
                      "duplicates and compiler clones cannot be checked",
                      ctx.paths.release, ctx.symbol));
  return {};
}

} // namespace killswitch::analysis::detail
