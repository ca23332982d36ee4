#include "analysis/kallsyms.h"

#include <algorithm>
#include <charconv>
#include <cstring>

#include <fmt/format.h>

namespace killswitch::analysis {
namespace {

using util::Error;
using util::fail;

util::Result<SymbolEntry> malformed(std::string_view why) {
  return fail(Error::invalid(fmt::format("malformed kallsyms line: {}", why)));
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}

bool is_type_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The line of `text` that holds byte `pos`, without its '\n'.
std::string_view line_at(std::string_view text, std::size_t pos) {
  const auto nl = text.rfind('\n', pos);
  const std::size_t start = nl == std::string_view::npos ? 0 : nl + 1;
  const auto end = text.find('\n', pos);
  return text.substr(start, end == std::string_view::npos ? text.size() - start
                                                          : end - start);
}

std::size_t line_number(std::string_view text, std::size_t pos) {
  return 1 + static_cast<std::size_t>(std::count(
                 text.begin(), text.begin() + static_cast<long>(pos), '\n'));
}

// Calls `visit(pos)` for each place where `name` starts the NAME column of
// a line: after "ADDRESS TYPE " and followed by a tab, a newline, the end
// of the text or (with `prefix`) anything.  Returns the first error.
template <typename Visit>
util::Result<void> for_each_name(std::string_view text, std::string_view name,
                                 bool prefix, Visit visit) {
  std::size_t from = 0;
  while (from < text.size()) {
    const void* hit = ::memmem(text.data() + from, text.size() - from,
                               name.data(), name.size());
    if (hit == nullptr)
      return {};
    const auto pos =
        static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    from = pos + 1;
    if (pos < 4 || text[pos - 1] != ' ' || text[pos - 3] != ' ')
      continue;
    const std::size_t after = pos + name.size();
    if (!prefix && after < text.size() && text[after] != '\t' &&
        text[after] != '\n')
      continue;
    if (auto ok = visit(pos); !ok)
      return ok;
    const auto eol = text.find('\n', pos);
    from = eol == std::string_view::npos ? text.size() : eol + 1;
  }
  return {};
}

} // namespace

util::Result<SymbolEntry> parse_kallsyms_line(std::string_view line) {
  SymbolEntry entry;

  const auto space = line.find(' ');
  const std::string_view address = line.substr(0, space);
  if (space == std::string_view::npos || address.empty() ||
      address.size() > 16 ||
      !std::all_of(address.begin(), address.end(), is_hex))
    return malformed("no hexadecimal address");
  std::from_chars(address.data(), address.data() + address.size(),
                  entry.address, 16);

  if (line.size() < space + 3 || !is_type_letter(line[space + 1]) ||
      line[space + 2] != ' ')
    return malformed("no type letter after the address");
  entry.type = line[space + 1];

  std::string_view rest = line.substr(space + 3);
  const auto tab = rest.find('\t');
  const std::string_view name = rest.substr(0, tab);
  if (name.empty() || name.find(' ') != std::string_view::npos)
    return malformed(fmt::format("bad name '{}'", name));
  entry.name = name;
  if (tab == std::string_view::npos)
    return entry;

  rest.remove_prefix(tab + 1);
  if (rest.size() < 3 || rest.front() != '[' || rest.back() != ']' ||
      rest.find_first_of(" \t[]", 1) != rest.size() - 1)
    return malformed(fmt::format("bad module column '{}'", rest));
  entry.module = rest.substr(1, rest.size() - 2);
  return entry;
}

util::Result<KallsymsScan> scan_kallsyms(std::string_view text,
                                         std::string_view base) {
  KallsymsScan scan;
  const auto fail_at = [&](std::size_t pos, const Error& error) {
    return fail(Error::invalid(
        fmt::format("line {}: {}", line_number(text, pos), error.message)));
  };

  if (text.empty())
    return fail(Error::invalid("empty symbol list"));
  if (auto first = parse_kallsyms_line(line_at(text, 0)); !first)
    return fail_at(0, first.error());

  auto collect = [&](std::size_t pos) -> util::Result<void> {
    auto entry = parse_kallsyms_line(line_at(text, pos));
    if (!entry)
      return fail_at(pos, entry.error());
    const std::string_view name = entry->name;
    if (name == base || (name.size() > base.size() && name[base.size()] == '.'))
      scan.entries.push_back(std::move(entry.value()));
    return {};
  };
  if (auto ok = for_each_name(text, base, true, collect); !ok)
    return fail(ok.error());

  // Markers that only vmlinux defines; the first of each is the real one.
  std::optional<std::uint64_t> stext;
  std::optional<std::uint64_t> sinit;
  std::optional<std::uint64_t> einit;
  for (auto [marker, slot] :
       {std::pair{"_stext", &stext}, std::pair{"_sinittext", &sinit},
        std::pair{"_einittext", &einit}}) {
    auto keep = [&, slot = slot](std::size_t pos) -> util::Result<void> {
      auto entry = parse_kallsyms_line(line_at(text, pos));
      if (!entry)
        return fail_at(pos, entry.error());
      if (!*slot && entry->in_vmlinux())
        *slot = entry->address;
      return {};
    };
    if (auto ok = for_each_name(text, marker, false, keep); !ok)
      return fail(ok.error());
  }

  if (stext)
    scan.addresses_hidden = *stext == 0;
  else
    scan.addresses_hidden =
        std::any_of(scan.entries.begin(), scan.entries.end(),
                    [](const SymbolEntry& e) { return e.address == 0; });
  if (!scan.addresses_hidden && sinit && einit && *sinit != 0 &&
      *einit > *sinit)
    scan.init_text = AddressRange{*sinit, *einit};
  return scan;
}

} // namespace killswitch::analysis
