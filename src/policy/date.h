#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "util/result.h"

namespace killswitch::policy {

using Date = std::chrono::year_month_day;

// "2026-06-30": four-digit year, two-digit month and day, a real date.
util::Result<Date> parse_date(std::string_view text);

std::string format_date(const Date& date);

// Today in UTC.  Expiry is judged in UTC so that early boot, which may run
// before the time zone is known, and a later run agree.
Date today_utc();

} // namespace killswitch::policy
