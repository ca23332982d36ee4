#pragma once

#include <optional>
#include <string>

#include "policy/version.h"

namespace killswitch::policy {

// What the kernel says about itself, as read from /proc.
struct KernelFacts {
  std::string release;      // /proc/sys/kernel/osrelease, like uname -r
  std::string proc_version; // /proc/version
  std::optional<std::string> version_signature; // Ubuntu's, when present
};

// The running kernel and the upstream version its source is based on.
// Distributions number their kernels their own way, so the release is not
// that version: Debian's 6.1.0-57-amd64 is upstream 6.1.192 (its
// /proc/version names the package, "Debian 6.1.192-3"), Ubuntu's
// 6.8.0-45-generic is 6.8.12 (/proc/version_signature: "Ubuntu
// 6.8.0-45.45-generic 6.8.12").  Guards compare upstream versions only.
struct RunningKernel {
  std::string release;
  std::optional<KernelVersion> upstream; // nothing: could not be told
  // Where `upstream` came from, or why there is none.
  std::string source;
};

// Reads the facts the way the distributions write them:
//   1. /proc/version_signature (Ubuntu): its last word;
//   2. "Debian <package version>" after the build number in /proc/version;
//   3. a kernel that claims to be Ubuntu's but has no signature: unknown,
//      because its release carries Ubuntu's ABI number, not upstream's;
//   4. otherwise the release itself (6.12.3, 6.12.3-arch1-1, 6.15-rc2).
RunningKernel identify_kernel(const KernelFacts& facts);

} // namespace killswitch::policy
