#include "analysis/clone.h"

#include <algorithm>
#include <array>

namespace killswitch::analysis {
namespace {

struct SuffixRule {
  std::string_view word;
  CloneKind kind;
  bool number_required; // ".cold" may stand alone; the others carry ".N"
};

constexpr std::array kRules = {
    SuffixRule{"isra", CloneKind::isra, true},
    SuffixRule{"constprop", CloneKind::constprop, true},
    SuffixRule{"part", CloneKind::part, true},
    SuffixRule{"cold", CloneKind::cold, false},
    SuffixRule{"llvm", CloneKind::llvm, true},
    SuffixRule{"lto_priv", CloneKind::lto_priv, true},
};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
}

// Takes ".word" and an optional or required ".N" off the front of `rest`.
std::optional<CloneKind> take_suffix(std::string_view& rest) {
  if (rest.size() < 2 || rest.front() != '.')
    return std::nullopt;
  const std::string_view body = rest.substr(1);
  for (const auto& rule : kRules) {
    if (!body.starts_with(rule.word))
      continue;
    std::string_view after = body.substr(rule.word.size());
    if (!after.empty() && after.front() != '.')
      continue;
    std::string_view number;
    if (after.size() > 1) {
      const auto end = after.find('.', 1);
      number = after.substr(1, end == std::string_view::npos ? end : end - 1);
    }
    if (all_digits(number)) {
      after.remove_prefix(1 + number.size());
    } else if (rule.number_required) {
      continue;
    }
    rest = after;
    return rule.kind;
  }
  return std::nullopt;
}

} // namespace

std::string_view clone_kind_name(CloneKind kind) {
  for (const auto& rule : kRules)
    if (rule.kind == kind)
      return rule.word;
  return "?";
}

std::string_view clone_shape_name(CloneShape shape) {
  switch (shape) {
  case CloneShape::original:
    return "original";
  case CloneShape::copy:
    return "copy";
  case CloneShape::fragment:
    return "fragment";
  case CloneShape::renamed:
    return "renamed";
  }
  return "?";
}

std::optional<std::vector<CloneKind>>
parse_clone_suffixes(std::string_view name, std::string_view base) {
  if (base.empty() || !name.starts_with(base))
    return std::nullopt;
  std::string_view rest = name.substr(base.size());
  std::vector<CloneKind> kinds;
  while (!rest.empty()) {
    const auto kind = take_suffix(rest);
    if (!kind)
      return std::nullopt;
    kinds.push_back(*kind);
  }
  return kinds;
}

std::string_view clone_base(std::string_view name) {
  for (auto dot = name.find('.'); dot != std::string_view::npos && dot > 0;
       dot = name.find('.', dot + 1)) {
    const std::string_view base = name.substr(0, dot);
    if (parse_clone_suffixes(name, base))
      return base;
  }
  return name;
}

CloneShape clone_shape(std::span<const CloneKind> kinds) {
  const auto has = [&](auto pred) {
    return std::any_of(kinds.begin(), kinds.end(), pred);
  };
  if (kinds.empty())
    return CloneShape::original;
  if (has([](CloneKind k) {
        return k == CloneKind::part || k == CloneKind::cold;
      }))
    return CloneShape::fragment;
  if (has([](CloneKind k) {
        return k == CloneKind::isra || k == CloneKind::constprop;
      }))
    return CloneShape::copy;
  return CloneShape::renamed;
}

} // namespace killswitch::analysis
