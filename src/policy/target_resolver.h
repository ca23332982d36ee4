#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace killswitch::policy {

// Which module a plain symbol belongs to, for symbols of modules that may
// not be loaded yet.  apply engages such a symbol as MODULE:SYMBOL, which
// the module arms when the module loads (pending), so a policy or boot
// parameter naming af_alg_sendmsg covers it before anything loads af_alg.
class TargetResolver {
public:
  virtual ~TargetResolver() = default;

  // The module that defines `symbol`, or nothing (vmlinux, or unknown).
  virtual std::optional<std::string>
  module_of(std::string_view symbol) const = 0;
};

} // namespace killswitch::policy
