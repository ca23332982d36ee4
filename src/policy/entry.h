#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "policy/date.h"
#include "policy/guard.h"
#include "symbols/symbol_name.h"

namespace killswitch::policy {

// One mitigation the policy asks for: a [[engage]] table of a policy file
// (docs/policy.md), or one entry of killswitch= on the kernel command line.
struct Entry {
  symbols::SymbolName target;
  std::int64_t retval = 0;
  std::string id;     // e.g. a CVE number; empty from the command line
  std::string reason; // empty from the command line
  Guards guards;
  std::optional<Date> expires; // the last day it applies (UTC)
  bool force = false;          // engage even if `check` refuses it

  std::string source;    // the file it came from, or "/proc/cmdline"
  std::size_t index = 0; // 1-based position among its source's entries
  std::size_t line = 0;  // line of its table in the file; 0 if unknown
};

// A part of the policy that could not be used: a file that cannot be read
// or parsed, or an entry that breaks the format.  `where` is "FILE",
// "FILE:LINE" or "/proc/cmdline".
struct Problem {
  std::string where;
  std::string message;

  bool operator==(const Problem&) const = default;
};

} // namespace killswitch::policy
