#include "commands/apply_check.h"

#include "commands/target_analysis.h"

namespace killswitch::commands {
namespace {

using Level = policy::CheckVerdict::Level;

Level level_of(analysis::Level level) {
  switch (level) {
  case analysis::Level::ok:
    return Level::ok;
  case analysis::Level::warn:
    return Level::warn;
  case analysis::Level::refuse:
    return Level::refuse;
  }
  return Level::unavailable;
}

class AnalysisCheck final : public policy::TargetCheck {
public:
  explicit AnalysisCheck(const analysis::SystemView& live) : view_(live) {}

  policy::CheckVerdict assess(const symbols::SymbolName& target,
                              std::int64_t retval) const override {
    auto report = check_target(view_, target, retval);
    if (!report)
      return {Level::unavailable, {report.error().message}, false, {}};

    const auto level = report->verdict.level;
    policy::CheckVerdict verdict{level_of(level), {}, false, {}};
    if (level != analysis::Level::ok)
      verdict.reasons = reasons_at(*report, level);
    verdict.final = report->verdict.has("module-not-found");
    if (auto placed = write_target(*report, target); placed != target)
      verdict.placed = std::move(placed);
    return verdict;
  }

private:
  // One view for every entry, so kallsyms and BTF are read once.
  CachedSystemView view_;
};

} // namespace

std::unique_ptr<policy::TargetCheck> make_target_check(const Context& ctx) {
  if (ctx.view == nullptr)
    return nullptr;
  return std::make_unique<AnalysisCheck>(*ctx.view);
}

} // namespace killswitch::commands
