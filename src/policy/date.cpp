#include "policy/date.h"

#include <cctype>

#include <fmt/format.h>

namespace killswitch::policy {
namespace {

// The value of `len` digits at `pos`, or -1 when one is not a digit.
int digits_at(std::string_view text, std::size_t pos, std::size_t len) {
  int value = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i])) == 0)
      return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

} // namespace

util::Result<Date> parse_date(std::string_view text) {
  const auto bad = [&] {
    return util::fail(util::Error::invalid(fmt::format(
        "invalid date '{}': expected YYYY-MM-DD, e.g. 2026-06-30", text)));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return bad();

  const int y = digits_at(text, 0, 4);
  const int m = digits_at(text, 5, 2);
  const int d = digits_at(text, 8, 2);
  if (y < 0 || m < 0 || d < 0)
    return bad();
  const Date date{std::chrono::year(y),
                  std::chrono::month(static_cast<unsigned>(m)),
                  std::chrono::day(static_cast<unsigned>(d))};
  if (!date.ok())
    return bad();
  return date;
}

std::string format_date(const Date& date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

Date today_utc() {
  return Date{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

} // namespace killswitch::policy
