#include <algorithm>

#include <fmt/format.h>

#include "analysis/check_context.h"

namespace killswitch::analysis::detail {
namespace {

bool has_kind(std::span<const CloneKind> kinds, CloneKind kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

// A .cold piece is entered by a jump from inside the body it was cut
// from, never by a call: it has no entry of its own.
bool is_cold(std::span<const CloneKind> kinds) {
  return !kinds.empty() && kinds.back() == CloneKind::cold;
}

std::string_view describe(const Clone& clone) {
  if (is_cold(clone.kinds))
    return "cold fragment";
  if (has_kind(clone.kinds, CloneKind::part))
    return "outlined tail, called directly where the head was inlined";
  switch (clone.shape) {
  case CloneShape::original:
    return "the function itself";
  case CloneShape::copy:
    return "whole copy";
  case CloneShape::renamed:
    return "renamed by LTO";
  case CloneShape::fragment:
    break;
  }
  return "fragment";
}

std::string describe_all(const std::vector<const Clone*>& clones) {
  std::string out;
  for (const Clone* clone : clones) {
    if (!out.empty())
      out += ", ";
    out += fmt::format("{} ({})", clone->entry.name, describe(*clone));
  }
  return out;
}

} // namespace

void report_clones(Context& ctx) {
  std::vector<const Clone*> callable;
  std::vector<const Clone*> cold;
  for (const auto& clone : ctx.report.clones)
    (is_cold(clone.kinds) ? cold : callable).push_back(&clone);

  if (!callable.empty())
    ctx.add(Level::warn, "clones",
            fmt::format("calls through {} are not stopped by engaging {}: "
                        "engage those too where they matter",
                        describe_all(callable), ctx.symbol));
  if (!cold.empty())
    ctx.add(Level::ok, "cold-fragments",
            fmt::format("{}: code split off into a cold section, reached by "
                        "jumps from inside its function and skipped with it",
                        describe_all(cold)));
}

void report_clone_only(Context& ctx, std::string_view where) {
  std::vector<const Clone*> all;
  bool callable = false;
  for (const auto& clone : ctx.report.clones) {
    all.push_back(&clone);
    callable = callable || !is_cold(clone.kinds);
  }
  ctx.add(Level::refuse, "clone-only",
          fmt::format("there is no function {} in {}, only compiler clones "
                      "of it: {}; {}",
                      ctx.symbol, where, describe_all(all),
                      callable ? "engage a clone by its full name (each one "
                                 "stops only the calls that go through it)"
                               : "cold fragments cannot be engaged"));
}

void report_target_clone(Context& ctx) {
  const auto& kinds = ctx.target_kinds;
  if (kinds.empty())
    return;
  if (is_cold(kinds)) {
    ctx.add(Level::refuse, "target-cold",
            fmt::format("{} is a cold fragment of {}: it is entered by a jump "
                        "from inside {}, not by a call, so there is no entry "
                        "to override",
                        ctx.symbol, ctx.base, ctx.base));
    return;
  }
  if (has_kind(kinds, CloneKind::part)) {
    ctx.add(Level::warn, "target-part",
            fmt::format("{} is the outlined tail of {}: engaging it stops the "
                        "calls that reach the tail, while the head of {} "
                        "still runs (inlined in its callers)",
                        ctx.symbol, ctx.base, ctx.base));
    return;
  }
  switch (clone_shape(kinds)) {
  case CloneShape::copy: {
    // ISRA may drop a return value no caller uses, leaving %rax unread.
    const std::string isra =
        has_kind(kinds, CloneKind::isra)
            ? fmt::format(", and an .isra copy may not return what {} is "
                          "declared to return",
                          ctx.base)
            : "";
    ctx.add(Level::warn, "target-copy",
            fmt::format("{} is a compiler copy of {}: calls to {} and to "
                        "other copies are not stopped{}",
                        ctx.symbol, ctx.base, ctx.base, isra));
    break;
  }
  case CloneShape::renamed:
    ctx.add(Level::ok, "target-renamed",
            fmt::format("{} is {} renamed by link-time optimisation: there "
                        "is no other body",
                        ctx.symbol, ctx.base));
    break;
  case CloneShape::original:
  case CloneShape::fragment:
    break;
  }
}

} // namespace killswitch::analysis::detail
