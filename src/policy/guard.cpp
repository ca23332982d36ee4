#include "policy/guard.h"

#include <algorithm>
#include <array>
#include <utility>

#include <fmt/format.h>

#include "util/text.h"

namespace killswitch::policy {
namespace {

using util::Error;
using util::fail;
using Op = Bound::Op;

// Longest spellings first, so "<=" is not read as "<".
constexpr std::array<std::pair<std::string_view, Op>, 6> kOps = {{
    {"<=", Op::le},
    {">=", Op::ge},
    {"==", Op::eq},
    {"<", Op::lt},
    {">", Op::gt},
    {"=", Op::eq},
}};

util::Result<Bound> parse_bound(std::string_view text, std::string_view range) {
  for (const auto& [spelling, op] : kOps) {
    if (!text.starts_with(spelling))
      continue;
    auto version = parse_version(util::trim(text.substr(spelling.size())));
    if (!version)
      return fail(Error::invalid(
          fmt::format("in range '{}': {}", range, version.error().message)));
    return Bound{op, *version};
  }
  return fail(Error::invalid(
      fmt::format("in range '{}': '{}' does not start with <, <=, =, >= or >",
                  range, text)));
}

std::optional<KernelVersion> first_fix(const Guards& guards,
                                       const KernelVersion& running) {
  for (const auto& fix : guards.fixed_in) {
    if (fix.same_branch(running) && running >= fix)
      return fix;
  }
  for (const auto& fix : guards.fixed_in) {
    if (fix.mainline() && running >= fix)
      return fix;
  }
  return std::nullopt;
}

} // namespace

bool Bound::holds(const KernelVersion& v) const {
  switch (op) {
  case Op::lt:
    return v < version;
  case Op::le:
    return v <= version;
  case Op::eq:
    return v == version;
  case Op::ge:
    return v >= version;
  case Op::gt:
    return v > version;
  }
  return false;
}

bool Range::contains(const KernelVersion& v) const {
  return std::all_of(bounds.begin(), bounds.end(),
                     [&](const Bound& b) { return b.holds(v); });
}

util::Result<Range> parse_range(std::string_view text) {
  Range range{{}, std::string(util::trim(text))};
  std::string_view rest = range.text;

  if (rest.empty())
    return fail(Error::invalid("empty range in affects"));
  for (;;) {
    const auto comma = rest.find(',');
    auto bound = parse_bound(util::trim(rest.substr(0, comma)), range.text);
    if (!bound)
      return fail(bound.error());
    range.bounds.push_back(*bound);
    if (comma == std::string_view::npos)
      return range;
    rest.remove_prefix(comma + 1);
  }
}

GuardVerdict evaluate_guards(const Guards& guards,
                             const std::optional<KernelVersion>& running) {
  if (guards.empty())
    return {};
  if (!running)
    return {true, "upstream version unknown: guards not evaluated"};

  if (auto fix = first_fix(guards, *running))
    return {false, fmt::format("fixed in {}{} (running {})",
                               fix->same_branch(*running) ? "" : "mainline ",
                               fix->to_string(), running->to_string())};

  if (!guards.affects.empty() &&
      std::none_of(guards.affects.begin(), guards.affects.end(),
                   [&](const Range& r) { return r.contains(*running); })) {
    std::string ranges;
    for (const auto& r : guards.affects)
      ranges += fmt::format("{}'{}'", ranges.empty() ? "" : ", ", r.text);
    return {false, fmt::format("not affected: running {} is outside {}",
                               running->to_string(), ranges)};
  }
  return {};
}

} // namespace killswitch::policy
