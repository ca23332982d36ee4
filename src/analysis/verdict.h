#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace killswitch::analysis {

// How bad a finding is; the verdict is the worst of its findings.
enum class Level {
  ok,     // a note: a fact worth saying that changes nothing
  warn,   // engage may go ahead, but the user should read why
  refuse, // engaging would break the machine or not do what was asked
};

// "OK", "WARN", "REFUSE", as the report prints them.
std::string_view level_name(Level level);
// "note", "warn", "refuse", the level of a single finding in JSON.
std::string_view finding_level_name(Level level);

struct Finding {
  Level level = Level::ok;
  // A stable identifier (docs/check.md lists them all), for scripts and
  // tests; the message is for people and may be reworded.
  std::string code;
  std::string message;

  bool operator==(const Finding&) const = default;
};

struct Verdict {
  Level level = Level::ok;
  std::vector<Finding> reasons; // in the order the checks found them

  void add(Level finding_level, std::string code, std::string message);
  void add(Finding finding);
  bool has(std::string_view code) const;
};

// The exit codes of `killswitch check`, documented in docs/check.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitWarn = 10;
inline constexpr int kExitRefuse = 11;

int exit_code(Level level);

} // namespace killswitch::analysis
