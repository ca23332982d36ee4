#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "util/result.h"

namespace killswitch::policy {

// An upstream kernel version: major.minor.patch, or a release candidate of
// major.minor.  "6.14-rc3" sorts before "6.14" (the release it leads to),
// which sorts before "6.14.1".
struct KernelVersion {
  unsigned major = 0;
  unsigned minor = 0;
  unsigned patch = 0;
  unsigned rc = 0; // 0: a release; N: the Nth release candidate

  // major.minor: the stable branch the version belongs to.
  bool same_branch(const KernelVersion& other) const {
    return major == other.major && minor == other.minor;
  }
  // x.y.0 and its release candidates: where a change reaches mainline.
  bool mainline() const { return patch == 0; }

  std::string to_string() const;

  bool operator==(const KernelVersion&) const = default;
  std::strong_ordering operator<=>(const KernelVersion& other) const;
};

// A version as a policy file writes it, all of `text`: "6.1.130", "6.12",
// "6.14-rc3" or "6.14.0-rc3".  Decimal numbers without leading zeros; a
// release candidate has no patch level other than 0.
util::Result<KernelVersion> parse_version(std::string_view text);

// The version a longer string starts with, as kernel release and package
// version strings do: "6.1.0-57-amd64", "6.12.118+deb12-amd64",
// "6.14~rc3-1~exp1", "6.15.0-rc2-amd64".  Nothing if it does not start
// with major.minor.
std::optional<KernelVersion> leading_version(std::string_view text);

} // namespace killswitch::policy
