#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kernel_iface/paths.h"
#include "policy/date.h"
#include "policy/sources.h"
#include "util/result.h"

namespace killswitch::policy {

// Where apply and bootparam read and keep things.  The defaults are the
// real locations; for tests, environment variables move them (docs/cli.md):
//
//   KILLSWITCH_POLICY_DIRS  the policy directories, most important first,
//                           separated by ':'
//   KILLSWITCH_STATE        the state file
//   KILLSWITCH_PROC         the directory holding cmdline, version,
//                           version_signature and sys/kernel/osrelease
//   KILLSWITCH_TODAY        the date expiry is judged by (YYYY-MM-DD)
//   KILLSWITCH_MODULES      the directory of the releases' modules
struct Locations {
  std::vector<std::string> policy_dirs = default_policy_dirs();
  std::string state_file = "/run/killswitch/owned.json";
  std::string proc = "/proc";
  std::optional<Date> today; // nothing: the real date
  std::string modules = "/lib/modules";

  std::string state_dir() const;
  std::string cmdline() const { return proc + "/cmdline"; }
  std::string version() const { return proc + "/version"; }
  std::string version_signature() const { return proc + "/version_signature"; }
  std::string osrelease() const { return proc + "/sys/kernel/osrelease"; }
  std::string module_symbols(const std::string& release) const {
    return modules + "/" + release + "/modules.symbols";
  }
};

// An invalid KILLSWITCH_TODAY is an error.
util::Result<Locations>
locations_from_environment(const kernel_iface::EnvLookup& env);

} // namespace killswitch::policy
