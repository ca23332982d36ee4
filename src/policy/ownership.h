#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace killswitch::policy {

// Who asked `apply` for an engagement.
enum class Origin { policy, cmdline };

std::string_view origin_name(Origin origin);

// An engagement that `apply` made and may therefore change or take back.
// Anything engaged that is not in the state file was made by someone else
// (by hand, or the module's engage= parameter) and is never touched.
struct Owned {
  std::string target;
  std::int64_t retval = 0; // the value apply engaged it with
  Origin origin = Origin::policy;
  std::string id;
  std::string source; // the policy file, or /proc/cmdline

  bool operator==(const Owned&) const = default;
};

// The state file, /run/killswitch/owned.json:
//   {"version": 1, "owned": [{"target": "af_alg_sendmsg", "retval": -1,
//     "origin": "policy", "id": "CVE-...", "source": "/etc/..."}]}
// It lives under /run because engagements do not survive a reboot either.
util::Result<std::vector<Owned>> parse_owned(std::string_view text);

std::string format_owned(const std::vector<Owned>& owned);

} // namespace killswitch::policy
