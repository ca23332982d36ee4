#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "policy/entry.h"

namespace killswitch::policy {

// What one policy file yields.  A file that is not valid TOML yields no
// entries and one problem; an entry that breaks the format is left out
// with its problems, and the file's other entries still count.
struct ParsedFile {
  std::vector<Entry> entries;
  std::vector<Problem> problems;
};

// Parses the text of a policy file (the format is docs/policy.md):
//
//   [[engage]]
//   target   = "af_alg_sendmsg"        # SYMBOL or MODULE:SYMBOL
//   retval   = "EPERM"                 # a number, or an errno name
//   id       = "CVE-2026-31431"
//   reason   = "AF_ALG page cache write"
//   fixed_in = ["6.1.130", "6.12.20"]  # optional guards
//   affects  = [">=6.1, <6.1.130"]
//   expires  = 2026-12-31
//   force    = false
//
// `source` names the file in entries and problems.  An empty text (a file
// masked by a link to /dev/null) is a valid file without entries.
ParsedFile parse_policy_file(std::string_view text, const std::string& source);

} // namespace killswitch::policy
