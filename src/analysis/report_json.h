#pragma once

#include <nlohmann/json.hpp>

#include "analysis/report.h"

namespace killswitch::analysis {

// Version of the JSON below; raised when a field changes meaning or goes
// away (adding fields does not raise it).
inline constexpr int kReportSchemaVersion = 1;

// The report as one JSON object, in the schema docs/check.md documents.
nlohmann::json report_to_json(const Report& report);

} // namespace killswitch::analysis
