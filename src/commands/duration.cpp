#include "commands/duration.h"

#include <fmt/format.h>

#include "util/text.h"

namespace killswitch::commands {

using util::Error;
using util::fail;

util::Result<int> parse_duration(std::string_view text) {
  std::string_view digits = text;
  std::uint64_t unit = 1;
  if (!digits.empty()) {
    switch (digits.back()) {
    case 's':
      digits.remove_suffix(1);
      break;
    case 'm':
      unit = 60;
      digits.remove_suffix(1);
      break;
    case 'h':
      unit = 3600;
      digits.remove_suffix(1);
      break;
    default:
      break;
    }
  }

  const auto number = util::parse_u64(digits);
  if (!number)
    return fail(Error::invalid(fmt::format(
        "invalid duration '{}': expected a number with s, m or h (30s, 2m)",
        text)));
  // Checked before multiplying, so a huge number cannot wrap around.
  if (*number == 0 || *number > kMaxWindowSeconds / unit)
    return fail(Error::invalid(
        fmt::format("invalid duration '{}': must be 1s..{}s (24h)", text,
                    kMaxWindowSeconds)));
  return static_cast<int>(*number * unit);
}

} // namespace killswitch::commands
