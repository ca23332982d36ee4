#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policy/version.h"
#include "util/result.h"

namespace killswitch::policy {

// One comparison of a range: ">=6.1", "<6.1.130", "=6.12.20".
struct Bound {
  enum class Op { lt, le, eq, ge, gt };
  Op op = Op::eq;
  KernelVersion version;

  bool holds(const KernelVersion& v) const;
  bool operator==(const Bound&) const = default;
};

// Comparisons joined by commas, all of which must hold:
// ">=6.1, <6.1.130".  `text` keeps the range as written, for messages.
struct Range {
  std::vector<Bound> bounds;
  std::string text;

  bool contains(const KernelVersion& v) const;
};

util::Result<Range> parse_range(std::string_view text);

// The optional guards of an entry.
//
// fixed_in lists, per stable branch, the first upstream release carrying
// the fix ("6.1.130", "6.12.20").  A running kernel is fixed when an entry
// of its own branch is not newer than it.  An entry with patch level 0 (or
// a release candidate) names the mainline release with the fix ("6.14",
// "6.14-rc3"), so every later branch counts as fixed too.  A branch that
// is not listed and not later than a mainline entry is not fixed: a wrong
// "not fixed" only keeps a mitigation, a wrong "fixed" would drop one.
//
// affects lists the ranges that carry the bug; when it is given, a kernel
// in none of them is not affected.
struct Guards {
  std::vector<KernelVersion> fixed_in;
  std::vector<Range> affects;

  bool empty() const { return fixed_in.empty() && affects.empty(); }
};

struct GuardVerdict {
  bool applies = true;
  std::string reason; // why not, or a note on why the guards were not used
};

// Whether an entry with `guards` applies to a kernel of upstream version
// `running`.  An unknown version applies every entry (guards can only
// retire a mitigation when they are sure).
GuardVerdict evaluate_guards(const Guards& guards,
                             const std::optional<KernelVersion>& running);

} // namespace killswitch::policy
