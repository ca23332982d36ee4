#include "commands/glob.h"

#include <fmt/format.h>

namespace killswitch::commands {
namespace {

using util::Error;
using util::fail;

bool symbol_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '.';
}

} // namespace

bool is_glob(std::string_view text) {
  return text.find_first_of("*?") != std::string_view::npos;
}

// Iterative matching with one backtrack point: the last '*' seen.  This is
// linear in practice and never recurses, whatever the pattern.
bool glob_match(std::string_view pattern, std::string_view name) {
  std::size_t p = 0;
  std::size_t n = 0;
  std::size_t star = std::string_view::npos;
  std::size_t resume = 0;
  while (n < name.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == name[n])) {
      ++p;
      ++n;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*')
    ++p;
  return p == pattern.size();
}

bool Glob::matches(const symbols::SymbolName& name) const {
  if (!module.empty() && name.module != module)
    return false;
  return glob_match(pattern, name.symbol);
}

util::Result<Glob> parse_glob(std::string_view text) {
  Glob glob;
  std::string_view pattern = text;
  if (const auto colon = text.find(':'); colon != std::string_view::npos) {
    // The module part must be a real module name; reuse the target grammar
    // by checking it with a placeholder symbol.
    auto name =
        symbols::parse_symbol_name(std::string(text.substr(0, colon)) + ":x");
    if (!name)
      return fail(Error::invalid(
          fmt::format("invalid pattern '{}': {}", text, name.error().message)));
    glob.module = name->module;
    pattern = text.substr(colon + 1);
  }

  if (pattern.empty())
    return fail(Error::invalid(
        fmt::format("invalid pattern '{}': the symbol part is empty", text)));
  if (pattern.size() > symbols::kSymbolMax)
    return fail(Error::invalid(
        fmt::format("invalid pattern '{}': longer than {} characters", text,
                    symbols::kSymbolMax)));
  for (const char c : pattern) {
    if (symbol_char(c) || c == '*' || c == '?')
      continue;
    return fail(Error::invalid(fmt::format(
        "invalid pattern '{}': '{}' is not allowed (only letters, digits, "
        "'_', '.', '*' and '?')",
        text, c)));
  }
  glob.pattern = pattern;
  return glob;
}

} // namespace killswitch::commands
