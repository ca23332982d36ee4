#include "policy/report.h"

#include <algorithm>

namespace killswitch::policy {
namespace {

Owned owned_from(const Decision& d) {
  return Owned{d.target, d.retval, d.origin, d.id, d.source};
}

} // namespace

std::vector<Owned> owned_after(const std::vector<Owned>& before,
                               const std::vector<Applied>& results) {
  std::vector<Owned> owned = before;
  const auto find = [&](const std::string& target) {
    return std::find_if(owned.begin(), owned.end(),
                        [&](const Owned& o) { return o.target == target; });
  };

  for (const auto& r : results) {
    if (!r.done)
      continue;
    const Decision& d = r.decision;
    auto it = find(d.target);
    switch (d.step) {
    case Step::engage:
    case Step::change:
      if (it != owned.end())
        *it = owned_from(d);
      else
        owned.push_back(owned_from(d));
      break;
    case Step::keep:
      // Only what apply engaged is apply's; a match made by hand stays
      // the hand's.
      if (it != owned.end())
        *it = owned_from(d);
      break;
    case Step::disengage:
    case Step::forget:
      if (it != owned.end())
        owned.erase(it);
      break;
    case Step::skip:
      break;
    }
  }
  return owned;
}

ApplyCounts ApplyReport::counts() const {
  ApplyCounts c;
  c.failed = static_cast<int>(problems.size());
  for (const auto& r : results) {
    if (r.failed()) {
      ++c.failed;
      continue;
    }
    switch (r.decision.step) {
    case Step::engage:
      ++c.engaged;
      break;
    case Step::change:
      ++c.changed;
      break;
    case Step::disengage:
      ++c.disengaged;
      break;
    case Step::forget:
      ++c.forgotten;
      break;
    case Step::keep:
      ++c.unchanged;
      break;
    case Step::skip:
      ++c.skipped;
      c.held_back += r.decision.held_back ? 1 : 0;
      break;
    }
  }
  return c;
}

bool ApplyReport::nothing_to_do() const {
  return std::none_of(results.begin(), results.end(), [](const Applied& a) {
    const auto step = a.decision.step;
    return a.failed() || a.decision.held_back ||
           (step != Step::keep && step != Step::skip);
  });
}

} // namespace killswitch::policy
