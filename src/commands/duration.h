#pragma once

#include <string_view>

#include "util/result.h"

namespace killswitch::commands {

// The kernel's limit on an observation window (docs/control-interface.md).
inline constexpr int kMaxWindowSeconds = 86400;

// A window for --for and --probe: a decimal followed by an optional unit,
// "s" (the default), "m" or "h": "30", "30s", "2m", "1h".  The result is in
// seconds, 1..86400; a window of 0 would observe nothing.
util::Result<int> parse_duration(std::string_view text);

} // namespace killswitch::commands
