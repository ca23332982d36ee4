#include "analysis/kprobe_blacklist.h"

#include <charconv>

#include <fmt/format.h>

#include "util/text.h"

namespace killswitch::analysis {
namespace {

using util::Error;
using util::fail;

std::optional<std::uint64_t> parse_hex(std::string_view text) {
  if (!text.starts_with("0x") || text.size() < 3 || text.size() > 18)
    return std::nullopt;
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(text.data() + 2, end, value, 16);
  if (ec != std::errc() || stop != end)
    return std::nullopt;
  return value;
}

util::Result<BlacklistEntry> parse_line(std::string_view line) {
  const auto bad = [&](std::string_view why) {
    return fail(Error::invalid(fmt::format("{}: '{}'", why, line)));
  };
  const auto tab = line.find('\t');
  if (tab == std::string_view::npos)
    return bad("no tab between range and name");
  const std::string_view range = line.substr(0, tab);
  const auto dash = range.find('-');
  const auto start = parse_hex(range.substr(0, dash));
  const auto end = dash == std::string_view::npos
                       ? std::nullopt
                       : parse_hex(range.substr(dash + 1));
  if (!start || !end || *end < *start)
    return bad("bad address range");

  BlacklistEntry entry{AddressRange{*start, *end}, {}, {}};
  const auto words = util::split_words(line.substr(tab + 1));
  if (words.empty() || words.size() > 2)
    return bad("expected NAME or NAME [MODULE]");
  entry.name = words[0];
  if (words.size() == 2) {
    const std::string_view module = words[1];
    if (module.size() < 3 || module.front() != '[' || module.back() != ']')
      return bad("bad module column");
    entry.module = module.substr(1, module.size() - 2);
  }
  return entry;
}

} // namespace

util::Result<std::vector<BlacklistEntry>>
parse_kprobe_blacklist(std::string_view text) {
  std::vector<BlacklistEntry> entries;
  std::size_t number = 0;
  for (const auto line : util::split_lines(text)) {
    ++number;
    if (util::trim(line).empty())
      continue;
    auto entry = parse_line(line);
    if (!entry)
      return fail(Error::invalid(fmt::format("kprobes blacklist line {}: {}",
                                             number, entry.error().message)));
    entries.push_back(std::move(entry.value()));
  }
  return entries;
}

const BlacklistEntry* find_blacklisted(std::span<const BlacklistEntry> list,
                                       const SymbolEntry& symbol) {
  for (const auto& entry : list) {
    if (entry.name == symbol.name && entry.module == symbol.module)
      return &entry;
    if (entry.range.start != 0 && entry.range.contains(symbol.address))
      return &entry;
  }
  return nullptr;
}

} // namespace killswitch::analysis
