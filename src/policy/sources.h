#pragma once

#include <string>
#include <utility>
#include <vector>

#include "kernel_iface/filesystem.h"
#include "policy/entry.h"

namespace killswitch::policy {

// The policy directories, most important first, the way systemd's
// sysctl.d and modprobe.d are read: /etc, /run, /usr/lib.
std::vector<std::string> default_policy_dirs();

// A directory and the names it holds.
struct DirListing {
  std::string dir;
  std::vector<std::string> names;
};

// The files to read, given the listings of the policy directories in
// order of importance: every name ending in ".conf" once, from the first
// directory that has it (so /etc/killswitch.d/x.conf hides
// /usr/lib/killswitch.d/x.conf, and a link to /dev/null there masks it),
// sorted by name regardless of directory.
std::vector<std::string> select_files(const std::vector<DirListing>& dirs);

// An earlier entry for the same target that a later one replaced.
struct Override {
  std::string target;
  std::string replaced; // "FILE entry N" of the entry that no longer counts
  std::string by;       // "FILE entry N" of the one that does
};

struct Policy {
  std::vector<std::string> files; // read, in order
  std::vector<Entry> entries;     // one per target
  std::vector<Problem> problems;
  std::vector<Override> overrides;
};

// Reads every policy file through `fs`.  A directory that does not exist
// is skipped; one that cannot be listed, and a file that cannot be read or
// parsed, is a problem, and the other files still count.  When two entries
// name the same target, the later one (by file name, then by position)
// replaces the earlier, as a later sysctl.d assignment does.
Policy load_policy(const kernel_iface::Filesystem& fs,
                   const std::vector<std::string>& dirs);

// Adds `entries` after `policy`'s own, with the same rule for targets
// named twice (the command line comes last under `apply --boot`).
void merge_entries(Policy& policy, std::vector<Entry> entries);

// "FILE entry N" for messages.
std::string describe(const Entry& entry);

} // namespace killswitch::policy
