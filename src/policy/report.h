#pragma once

#include <string>
#include <vector>

#include "policy/plan.h"
#include "policy/running_kernel.h"
#include "policy/sources.h"

namespace killswitch::policy {

// One decision of apply and what came of it.
struct Applied {
  Decision decision;
  bool done = false; // carried out (never under --dry-run)
  std::string error; // why it failed; empty if it did not
  int errnum = 0;

  bool failed() const { return !error.empty(); }
};

struct ApplyCounts {
  int engaged = 0;
  int changed = 0;
  int disengaged = 0;
  int forgotten = 0;
  int unchanged = 0;
  int skipped = 0;
  int held_back = 0; // of the skipped: entries that apply, left unengaged
  int failed = 0;    // steps that failed, and problems with the policy
};

// Everything `killswitch apply` reports.
struct ApplyReport {
  bool dry_run = false;
  bool boot = false;
  RunningKernel kernel;
  std::vector<std::string> files;
  std::vector<Applied> results;
  std::vector<Problem> problems;
  std::vector<Override> overrides;

  // Steps are counted by what they are planned to do, so a dry run's
  // counts are those of the real run.
  ApplyCounts counts() const;
  // Nothing to engage, change, disengage or forget, and no step failed
  // (problems with the policy may remain: no run can fix them).
  bool nothing_to_do() const;
};

// The state file's list after `results`: engagements made or changed are
// owned, those disengaged or forgotten are not, the rest stay as they
// were.
std::vector<Owned> owned_after(const std::vector<Owned>& before,
                               const std::vector<Applied>& results);

// What `killswitch bootparam` reports.
struct BootParamReport {
  std::string param; // "killswitch=..."; empty when no entry applies
  std::vector<Entry> included;
  std::vector<Decision> left_out; // retired on this kernel, and why
  std::vector<Problem> problems;
};

} // namespace killswitch::policy
