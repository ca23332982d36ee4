#include "symbols/symbol_name.h"

#include <algorithm>

#include <fmt/format.h>

namespace killswitch::symbols {
namespace {

using util::Error;
using util::fail;

// ASCII only, whatever the locale, as in the kernel.
bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

bool in_module_set(char c) {
  return is_alnum(c) || c == '_' || c == '-';
}

bool in_symbol_set(char c) {
  return is_alnum(c) || c == '_' || c == '.';
}

// The text with control and non-ASCII bytes replaced, fit for a message.
std::string printable_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    out += (byte >= 0x20 && byte < 0x7f) ? c : '?';
  }
  return out;
}

// Checks one part of a target; `what` names it in the message.
util::Result<void> check_part(std::string_view part, std::string_view text,
                              std::string_view what, std::size_t max,
                              bool (*allowed)(char)) {
  if (part.empty())
    return fail(Error::invalid(fmt::format("invalid symbol '{}': empty {} name",
                                           printable_text(text), what)));
  if (part.size() > max)
    return fail(Error::invalid(
        fmt::format("invalid symbol: {} name of {} characters, at most {}",
                    what, part.size(), max)));
  for (char c : part) {
    if (allowed(c))
      continue;
    const auto byte = static_cast<unsigned char>(c);
    std::string shown = fmt::format("byte 0x{:02x}", byte);
    if (byte == ' ')
      shown = "a space";
    else if (byte > 0x20 && byte < 0x7f)
      shown = fmt::format("'{}'", c);
    return fail(Error::invalid(
        fmt::format("invalid symbol '{}': {} names may not contain {}",
                    printable_text(text), what, shown)));
  }
  return {};
}

} // namespace

std::string SymbolName::to_string() const {
  return module.empty() ? symbol : fmt::format("{}:{}", module, symbol);
}

util::Result<SymbolName> parse_symbol_name(std::string_view text) {
  SymbolName name;
  std::string_view symbol = text;

  if (const auto colon = text.find(':'); colon != std::string_view::npos) {
    const std::string_view module = text.substr(0, colon);
    if (auto ok = check_part(module, text, "module", kModuleMax, in_module_set);
        !ok)
      return fail(ok.error());
    // As the kernel's ks_fold_module() and modprobe: nf-foo is nf_foo.
    name.module = module;
    std::replace(name.module.begin(), name.module.end(), '-', '_');
    symbol = text.substr(colon + 1);
  }
  if (auto ok = check_part(symbol, text, "symbol", kSymbolMax, in_symbol_set);
      !ok)
    return fail(ok.error());

  name.symbol = symbol;
  return name;
}

} // namespace killswitch::symbols
