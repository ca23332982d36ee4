#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "policy/entry.h"

namespace killswitch::policy {

inline constexpr std::string_view kCmdlineSource = "/proc/cmdline";

struct CmdlineEntries {
  std::vector<Entry> entries;
  std::vector<Problem> problems; // one per malformed entry, which is skipped
};

// The entries of every killswitch= parameter on a kernel command line, in
// upstream's syntax: killswitch=fn1=val,fn2=val.  A target may be
// MODULE:SYMBOL and a value an errno name, as with `killswitch engage`.
// Parameters are split at blanks outside double quotes, as the kernel
// splits them; killswitch.engage= is the module's own and is left to
// modprobe.
CmdlineEntries parse_cmdline(std::string_view cmdline);

// The killswitch= parameter that engages `entries`, values in decimal
// (which every reader of the parameter accepts); empty without entries.
std::string format_bootparam(const std::vector<Entry>& entries);

} // namespace killswitch::policy
