#include "util/text.h"

#include <charconv>

namespace killswitch::util {

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  for (;;) {
    const auto start = text.find_first_not_of(" \t", pos);
    if (start == std::string_view::npos)
      return words;
    auto end = text.find_first_of(" \t", start);
    if (end == std::string_view::npos)
      end = text.size();
    words.push_back(text.substr(start, end - start));
    pos = end;
  }
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto eol = text.find('\n');
    lines.push_back(text.substr(0, eol));
    if (eol == std::string_view::npos)
      break;
    text.remove_prefix(eol + 1);
  }
  return lines;
}

std::string_view trim(std::string_view text) {
  constexpr std::string_view kBlanks = " \t\r\n";
  const auto start = text.find_first_not_of(kBlanks);
  if (start == std::string_view::npos)
    return {};
  const auto end = text.find_last_not_of(kBlanks);
  return text.substr(start, end - start + 1);
}

std::optional<std::uint64_t> parse_u64(std::string_view text) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || stop != end)
    return std::nullopt;
  return value;
}

} // namespace killswitch::util
