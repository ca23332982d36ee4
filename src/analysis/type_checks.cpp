// The target's return type from BTF, and what RETVAL means for it.

#include <fmt/format.h>

#include "analysis/check_context.h"
#include "analysis/retval_check.h"

namespace killswitch::analysis::detail {
namespace {

struct Loaded {
  std::optional<Btf> btf; // a module's, split on vmlinux's
  const Btf* use = nullptr;
  std::string source;
  std::string why_none;
};

// The BTF that describes the located function.
Loaded load_btf(Context& ctx, const Location& location) {
  Loaded out;
  const Btf* base = vmlinux_btf(ctx);
  if (base == nullptr) {
    // A module's .BTF holds only what it adds to vmlinux's types: without
    // those it cannot be read, though the module has a section of its own.
    out.why_none =
        location.entry.in_vmlinux()
            ? fmt::format("no vmlinux BTF for {}", ctx.paths.release)
            : fmt::format("the BTF of module {} extends vmlinux BTF, and "
                          "there is no vmlinux BTF for {}",
                          location.entry.module, ctx.paths.release);
    return out;
  }
  if (location.entry.in_vmlinux()) {
    out.use = base;
    out.source = ctx.vmlinux_btf_path;
    return out;
  }

  const std::string& module = location.entry.module;
  util::Result<Btf> btf = util::fail(util::Error{});
  if (location.loaded) {
    out.source = ctx.paths.module_btf(module);
    auto raw = ctx.view.read_file(out.source);
    if (!raw) {
      out.why_none = raw.error().message;
      return out;
    }
    btf = Btf::parse(std::move(raw.value()), base, out.source);
  } else {
    out.source = location.file;
    btf = Btf::parse(ctx.ko_image, base, out.source);
  }
  if (!btf) {
    out.why_none = btf.error().message;
    return out;
  }
  out.btf = std::move(btf.value());
  out.use = &*out.btf;
  return out;
}

} // namespace

const Btf* vmlinux_btf(Context& ctx) {
  if (ctx.vmlinux_btf_tried)
    return ctx.vmlinux_btf ? &*ctx.vmlinux_btf : nullptr;
  ctx.vmlinux_btf_tried = true;
  for (const auto& path : ctx.paths.vmlinux_btf()) {
    auto raw = ctx.view.read_file(path);
    if (!raw)
      continue;
    auto btf = Btf::parse(std::move(raw.value()), nullptr, path);
    if (!btf)
      continue;
    ctx.vmlinux_btf = std::move(btf.value());
    ctx.vmlinux_btf_path = path;
    return &*ctx.vmlinux_btf;
  }
  return nullptr;
}

void check_types(Context& ctx) {
  if (!ctx.report.location)
    return;
  TypeFacts& facts = ctx.report.type;
  const Loaded btf = load_btf(ctx, *ctx.report.location);
  if (btf.use == nullptr) {
    ctx.add(Level::warn, "btf-unavailable",
            fmt::format("no BTF for {} ({}): RETVAL cannot be checked against "
                        "its return type",
                        ctx.symbol, btf.why_none));
    return;
  }
  facts.btf_source = btf.source;

  facts.btf_function = ctx.symbol;
  facts.return_type = find_return_type(*btf.use, ctx.symbol);
  if (!facts.return_type && ctx.base != ctx.symbol) {
    facts.btf_function = ctx.base;
    facts.return_type = find_return_type(*btf.use, ctx.base);
    if (facts.return_type)
      ctx.add(Level::ok, "btf-clone",
              fmt::format("the return type is {}'s: BTF does not describe the "
                          "clone {}",
                          ctx.base, ctx.symbol));
  }
  if (!facts.return_type) {
    facts.btf_function.clear();
    ctx.add(Level::warn, "btf-no-function",
            fmt::format("{} has no function {} (pahole leaves out functions "
                        "whose signature it cannot trust): RETVAL cannot be "
                        "checked against its return type",
                        btf.source, ctx.symbol));
    return;
  }

  for (auto& finding : check_retval(*facts.return_type, ctx.retval))
    ctx.report.verdict.add(std::move(finding));
  if (!ctx.retval)
    ctx.report.suggested_retval = suggest_retval(*facts.return_type);
}

} // namespace killswitch::analysis::detail
