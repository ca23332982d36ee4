#pragma once

#include <string>

#include "analysis/report.h"

namespace killswitch::analysis {

// The report for people: the verdict on the first line, then a few lines
// of facts, then one line per reason, worst first.  Ends with a newline.
std::string report_to_text(const Report& report);

} // namespace killswitch::analysis
