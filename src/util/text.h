#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace killswitch::util {

// The words of `text`, separated by runs of spaces and tabs.
std::vector<std::string_view> split_words(std::string_view text);

// The lines of `text` without their '\n'; a final line without one counts,
// an empty text has no lines.
std::vector<std::string_view> split_lines(std::string_view text);

// `text` without leading and trailing spaces, tabs, CRs and newlines.
std::string_view trim(std::string_view text);

// An unsigned decimal that is all of `text` (no sign, no blanks), if it
// fits in 64 bits.
std::optional<std::uint64_t> parse_u64(std::string_view text);

} // namespace killswitch::util
