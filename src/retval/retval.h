#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/result.h"

namespace killswitch::retval {

// A number in the control file's grammar (kernel/ks_parse.c): signed
// 64-bit, decimal without leading zeros or `+`, or hex with a `0x` or `0X`
// prefix; either may carry a leading `-`.  The tool refuses exactly what the
// kernel would refuse, so a bad value is reported before anything is
// written; tests/unit/test_ks_parse.cpp holds the two parsers to that.
util::Result<std::int64_t> parse_number(std::string_view text);

// A RETVAL as the user may type it: a number as above, or an errno name
// with or without a leading `-` ("EPERM", "-EPERM").  Errno names always
// mean the negative errno, the way kernel functions return errors.
util::Result<std::int64_t> parse_retval(std::string_view text);

// "-EPERM" for a value that is a known negative errno, else nothing.
std::optional<std::string> errno_label(std::int64_t value);

} // namespace killswitch::retval
