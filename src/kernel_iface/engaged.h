#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/result.h"

namespace killswitch::kernel_iface {

// One line of the `engaged` file.
struct Engagement {
  std::string symbol;
  std::int64_t retval = 0;
  std::uint64_t hits = 0;
  // armed, pending, observing or failed; empty from a module that does not
  // report it.
  std::string state;
  // key=value fields this version does not know, in the order read; the
  // kernel may add fields, and readers must carry them, not choke on them.
  std::vector<std::pair<std::string, std::string>> extra;

  bool operator==(const Engagement&) const = default;
};

// Parses the whole `engaged` file:
//   <target> retval=<decimal> hits=<decimal> [state=<state>] [<key>=<value>...]
// Blank lines are skipped.  retval= and hits= are required; a field that is
// not key=value, or a key given twice, makes the whole text an error naming
// the line, because a half-understood list is worse than none.
util::Result<std::vector<Engagement>> parse_engaged(std::string_view text);

} // namespace killswitch::kernel_iface
