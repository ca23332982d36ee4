#pragma once

#include "analysis/system_view.h"

namespace killswitch::analysis {

// Reads the files themselves.  Stateless, so safe to share between threads.
class LiveSystemView : public SystemView {
public:
  bool exists(const std::string& path) const override;
  util::Result<std::string> read_file(const std::string& path) const override;
  util::Result<std::vector<std::string>>
  list_dir(const std::string& path) const override;
};

} // namespace killswitch::analysis
