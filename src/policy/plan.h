#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kernel_iface/engaged.h"
#include "policy/date.h"
#include "policy/entry.h"
#include "policy/ownership.h"
#include "policy/running_kernel.h"
#include "policy/target_check.h"
#include "policy/target_resolver.h"

namespace killswitch::policy {

// What apply does about one target.
enum class Step {
  engage,    // not engaged: engage it
  change,    // engaged by apply with another value: write fn/T/retval
  keep,      // engaged with the wanted value already
  disengage, // engaged by apply, no longer wanted: disengage it
  forget,    // owned, but no longer engaged as apply left it: drop it
  skip,      // wanted by no guard, expired, refused, or held by hand
};

std::string_view step_name(Step step);

struct Decision {
  Step step = Step::skip;
  std::string target;
  std::int64_t retval = 0;             // the value wanted, or engaged
  std::optional<std::int64_t> current; // the engaged value, if engaged
  Origin origin = Origin::policy;
  std::string id;
  std::string source;
  std::string detail;             // why this step
  std::vector<std::string> notes; // check warnings and the like
  bool force = false;
  // Skipped although the entry applies (the check refused it): the
  // mitigation is not in place, which apply must not report as success.
  bool held_back = false;
};

struct PlanInput {
  std::vector<Entry> entries; // the policy, with the command line under --boot
  std::vector<kernel_iface::Engagement> engaged;
  std::vector<Owned> owned;
  Date today;
  RunningKernel kernel;
  // Without --boot the command line is not read, so what it engaged is
  // left as it is.
  bool boot = false;
  const TargetCheck* check = nullptr;       // nullptr: no analysis available
  const TargetResolver* resolver = nullptr; // nullptr: names as written
};

// Why `entry` does not apply to `kernel` on `today`, if it does not: it
// expired, or a guard says the kernel is fixed or not affected.  Guards
// that cannot be evaluated add a note and do not retire anything.
std::optional<std::string> retirement(const Entry& entry, const Date& today,
                                      const RunningKernel& kernel,
                                      std::vector<std::string>& notes);

// Decides, without touching anything, what reconciling the kernel with
// the policy takes.  Entries come first, in policy order; engagements
// apply owns but no entry wants follow.  Engagements apply does not own
// are never changed or disengaged.
std::vector<Decision> plan(const PlanInput& input);

} // namespace killswitch::policy
