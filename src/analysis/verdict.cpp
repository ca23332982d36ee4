#include "analysis/verdict.h"

#include <algorithm>
#include <utility>

namespace killswitch::analysis {

std::string_view level_name(Level level) {
  switch (level) {
  case Level::ok:
    return "OK";
  case Level::warn:
    return "WARN";
  case Level::refuse:
    return "REFUSE";
  }
  return "?";
}

std::string_view finding_level_name(Level level) {
  switch (level) {
  case Level::ok:
    return "note";
  case Level::warn:
    return "warn";
  case Level::refuse:
    return "refuse";
  }
  return "?";
}

void Verdict::add(Level finding_level, std::string code, std::string message) {
  add(Finding{finding_level, std::move(code), std::move(message)});
}

void Verdict::add(Finding finding) {
  level = std::max(level, finding.level);
  reasons.push_back(std::move(finding));
}

bool Verdict::has(std::string_view code) const {
  return std::any_of(reasons.begin(), reasons.end(),
                     [&](const Finding& f) { return f.code == code; });
}

int exit_code(Level level) {
  switch (level) {
  case Level::ok:
    return kExitOk;
  case Level::warn:
    return kExitWarn;
  case Level::refuse:
    return kExitRefuse;
  }
  return kExitRefuse;
}

} // namespace killswitch::analysis
