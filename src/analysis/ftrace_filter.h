#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace killswitch::analysis {

// The ftrace sites named `symbol` in tracefs' available_filter_functions,
// whose lines are "NAME" for vmlinux and "NAME [MODULE]" for a module: one
// module name per site, "" for vmlinux.  Two static functions with one name
// are two sites.  Only lines holding `symbol` are parsed; a malformed one is
// an error.
util::Result<std::vector<std::string>>
find_ftrace_sites(std::string_view text, std::string_view symbol);

} // namespace killswitch::analysis
