#include "retval/retval.h"

#include <cctype>
#include <charconv>
#include <limits>

#include <fmt/format.h>

#include "retval/errno_table.h"

namespace killswitch::retval {
namespace {

using util::Error;
using util::fail;

constexpr std::int64_t kMaxErrno = 4095;

Error bad_number(std::string_view text, std::string_view why) {
  return Error::invalid(fmt::format("invalid number '{}': {}", text, why));
}

bool is_hex_digit(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

bool is_dec_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// The magnitude of an unsigned decimal or hex literal, or an error worded
// against the whole text the user typed.
util::Result<std::uint64_t> parse_magnitude(std::string_view digits,
                                            std::string_view text) {
  int base = 10;
  bool (*digit_ok)(char) = is_dec_digit;

  if (digits.starts_with("0x") || digits.starts_with("0X")) {
    base = 16;
    digit_ok = is_hex_digit;
    digits.remove_prefix(2);
  } else if (digits.size() > 1 && digits.front() == '0') {
    return fail(bad_number(text, "leading zeros are not accepted"));
  }
  if (digits.empty())
    return fail(bad_number(text, "no digits"));
  for (char c : digits) {
    if (!digit_ok(c))
      return fail(bad_number(text, base == 16 ? "not a hex number"
                                              : "not a decimal number"));
  }

  std::uint64_t magnitude = 0;
  const auto [end, ec] = std::from_chars(
      digits.data(), digits.data() + digits.size(), magnitude, base);
  if (ec != std::errc() || end != digits.data() + digits.size())
    return fail(bad_number(text, "outside the signed 64-bit range"));
  return magnitude;
}

} // namespace

util::Result<std::int64_t> parse_number(std::string_view text) {
  std::string_view digits = text;
  const bool negative = digits.starts_with('-');

  if (text.empty())
    return fail(Error::invalid("empty number"));
  if (digits.starts_with('+'))
    return fail(bad_number(text, "a '+' sign is not accepted"));
  if (negative)
    digits.remove_prefix(1);

  auto magnitude = parse_magnitude(digits, text);
  if (!magnitude)
    return fail(magnitude.error());

  constexpr auto kMax =
      static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (!negative && *magnitude > kMax)
    return fail(bad_number(text, "outside the signed 64-bit range"));
  if (negative && *magnitude > kMax + 1)
    return fail(bad_number(text, "outside the signed 64-bit range"));
  if (negative)
    return static_cast<std::int64_t>(~*magnitude + 1);
  return static_cast<std::int64_t>(*magnitude);
}

util::Result<std::int64_t> parse_retval(std::string_view text) {
  std::string_view name = text;
  if (name.starts_with('-'))
    name.remove_prefix(1);

  if (name.empty() || std::isalpha(static_cast<unsigned char>(name[0])) == 0)
    return parse_number(text);

  if (auto value = errno_value(name))
    return -static_cast<std::int64_t>(*value);
  return fail(Error::invalid(fmt::format(
      "invalid RETVAL '{}': not a number and not an errno name (names are "
      "upper case, like EPERM or -EPERM)",
      text)));
}

std::optional<std::string> errno_label(std::int64_t value) {
  if (value >= 0 || value < -kMaxErrno)
    return std::nullopt;
  auto name = errno_name(static_cast<int>(-value));
  if (!name)
    return std::nullopt;
  return fmt::format("-{}", *name);
}

} // namespace killswitch::retval
