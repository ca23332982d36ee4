#include "analysis/ftrace_filter.h"

#include <cstring>
#include <optional>

#include <fmt/format.h>

namespace killswitch::analysis {
namespace {

using util::Error;
using util::fail;

// The module of a site line that starts with the symbol: "" for the bare
// name, MODULE for " [MODULE]"; nothing for another name that merely
// starts the same way.  `rest` is what follows the symbol on its line.
util::Result<std::optional<std::string>> site_module(std::string_view rest) {
  if (!rest.empty() && rest.back() == '\r')
    rest.remove_suffix(1);
  if (rest.empty())
    return std::optional<std::string>("");
  if (rest.front() != ' ')
    return std::optional<std::string>();
  if (rest.size() < 4 || rest[1] != '[' || rest.back() != ']' ||
      rest.find_first_of(" []", 2) != rest.size() - 1)
    return fail(Error::invalid(
        fmt::format("malformed available_filter_functions line: '{}'", rest)));
  return std::optional<std::string>(
      std::string(rest.substr(2, rest.size() - 3)));
}

} // namespace

util::Result<std::vector<std::string>>
find_ftrace_sites(std::string_view text, std::string_view symbol) {
  std::vector<std::string> sites;
  std::size_t from = 0;
  while (!symbol.empty() && from < text.size()) {
    const void* hit = ::memmem(text.data() + from, text.size() - from,
                               symbol.data(), symbol.size());
    if (hit == nullptr)
      break;
    const auto pos =
        static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    auto eol = text.find('\n', pos);
    if (eol == std::string_view::npos)
      eol = text.size();
    from = pos + 1;
    if (pos != 0 && text[pos - 1] != '\n')
      continue;
    const std::size_t after = pos + symbol.size();
    auto module = site_module(text.substr(after, eol - after));
    if (!module)
      return fail(module.error());
    if (*module)
      sites.push_back(std::move(**module));
    from = eol + 1;
  }
  return sites;
}

} // namespace killswitch::analysis
