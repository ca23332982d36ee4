#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "kernel_iface/engaged.h"
#include "kernel_iface/interface.h"
#include "util/result.h"

namespace killswitch::kernel_iface {

// What `killswitch status` reports.
struct Status {
  bool module_loaded = false;     // /sys/module/killswitch exists
  bool interface_present = false; // the securityfs directory exists
  std::vector<Engagement> engaged;
  std::optional<bool> module_taint;          // the `taint` file, if present
  std::optional<std::uint64_t> kernel_taint; // the mask, if readable
};

// Reads everything a status report needs.  A missing module is a state,
// not an error; a file of a present module that cannot be read or parsed is
// an error.  The kernel's mask is optional: a sandbox may hide /proc/sys.
util::Result<Status> read_status(const Interface& iface);

} // namespace killswitch::kernel_iface
