#pragma once

#include "kernel_iface/filesystem.h"
#include "policy/date.h"
#include "policy/locations.h"
#include "policy/running_kernel.h"
#include "policy/sources.h"

namespace killswitch::commands {

// What apply and bootparam decide by: the policy (with the kernel command
// line's killswitch= under --boot), the running kernel and the date.
struct PolicyInputs {
  policy::Policy policy;
  policy::RunningKernel kernel;
  policy::Date today;
};

// Reads them through `fs`.  Nothing here fails: what cannot be read is a
// problem in the policy, or an unknown upstream version.
PolicyInputs read_policy_inputs(const kernel_iface::Filesystem& fs,
                                const policy::Locations& where, bool boot);

// The locations from the environment; a bad KILLSWITCH_TODAY throws
// UsageError, before anything is read.
policy::Locations policy_locations();

} // namespace killswitch::commands
