#pragma once

#include <string>

namespace killswitch::output {

// A report its command has already put into both forms, for the printer to
// pick one: commands whose reports come from another library (the check
// report of src/analysis) or that only one command prints.
struct Rendered {
  std::string text;  // for stdout, in text mode; may be empty
  std::string notes; // lines for stderr in text mode, each gets the prefix
  std::string json;  // one serialised object; empty prints nothing
};

} // namespace killswitch::output
