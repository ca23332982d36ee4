#pragma once

#include <string>
#include <vector>

#include "util/result.h"

namespace killswitch::analysis {

// Every read the analysis makes of the system it checks.  LiveSystemView
// reads the real files; unit tests substitute a map of fixtures.  Paths are
// absolute and already carry the root directory (see Paths).
//
// Implementations must allow concurrent calls: check() reads /proc/kallsyms
// on a second thread while it loads BTF, because the kernel takes longer to
// produce kallsyms than the rest of the check needs.
class SystemView {
public:
  virtual ~SystemView() = default;

  virtual bool exists(const std::string& path) const = 0;

  // The whole content of a file.  Errors carry the errno and the failing
  // step ("open" or "read") in util::Error::op.
  virtual util::Result<std::string>
  read_file(const std::string& path) const = 0;

  // The names in a directory, without "." and "..", in no set order.
  virtual util::Result<std::vector<std::string>>
  list_dir(const std::string& path) const = 0;
};

} // namespace killswitch::analysis
