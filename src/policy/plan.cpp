#include "policy/plan.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "policy/cmdline.h"

namespace killswitch::policy {
namespace {

using kernel_iface::Engagement;

const Engagement* find_engaged(const PlanInput& in, std::string_view target) {
  const auto it =
      std::find_if(in.engaged.begin(), in.engaged.end(),
                   [&](const Engagement& e) { return e.symbol == target; });
  return it == in.engaged.end() ? nullptr : &*it;
}

const Owned* find_owned(const PlanInput& in, std::string_view target) {
  const auto it =
      std::find_if(in.owned.begin(), in.owned.end(),
                   [&](const Owned& o) { return o.target == target; });
  return it == in.owned.end() ? nullptr : &*it;
}

Origin origin_of(const Entry& entry) {
  return entry.source == kCmdlineSource ? Origin::cmdline : Origin::policy;
}

std::string joined(const std::vector<std::string>& reasons) {
  std::string out;
  for (const auto& r : reasons)
    out += (out.empty() ? "" : "; ") + r;
  return out;
}

// Runs the analysis on an engage or a change: a refusal turns the step
// into a skip unless the entry says force.
void run_check(Decision& d, const symbols::SymbolName& name, const Entry& entry,
               const TargetCheck& check) {
  using Level = CheckVerdict::Level;
  const auto verdict = check.assess(name, entry.retval);
  if (verdict.placed && d.step == Step::engage && name.module.empty()) {
    d.target = verdict.placed->to_string();
    d.notes.push_back(
        fmt::format("{} is a function of module {}: engaged as {}", name.symbol,
                    verdict.placed->module, d.target));
  }

  switch (verdict.level) {
  case Level::ok:
    return;
  case Level::warn:
    d.notes.push_back("check warns: " + joined(verdict.reasons));
    return;
  case Level::unavailable:
    // The kernel still vets the target; a check that cannot run is no
    // reason to leave a known hole open.
    d.notes.push_back("check could not run: " + joined(verdict.reasons));
    return;
  case Level::refuse:
    if (entry.force && !verdict.final) {
      d.notes.push_back("engaged despite check's REFUSE (force = true): " +
                        joined(verdict.reasons));
      return;
    }
    d.step = Step::skip;
    d.held_back = true;
    d.detail = "check refuses it (set force = true to override): " +
               joined(verdict.reasons);
    return;
  }
}

// A decision on an entry, and whether the entry no longer applies at all
// (expired, or the guards retire it) rather than being held back.
struct EntryDecision {
  Decision d;
  bool retired = false;
};

// The engagement `name` refers to: the one written exactly so, or for a
// plain symbol one written MODULE:SYMBOL, which the kernel also lets a
// plain `disengage` match.
const Engagement* find_engaged(const PlanInput& in,
                               const symbols::SymbolName& name) {
  if (const auto* exact = find_engaged(in, name.to_string()))
    return exact;
  if (!name.module.empty())
    return nullptr;
  const auto it = std::find_if(
      in.engaged.begin(), in.engaged.end(), [&](const Engagement& e) {
        const auto colon = e.symbol.find(':');
        return colon != std::string::npos &&
               std::string_view(e.symbol).substr(colon + 1) == name.symbol;
      });
  return it == in.engaged.end() ? nullptr : &*it;
}

// The name to engage `entry` under.  A plain symbol that a module exports
// is named MODULE:SYMBOL, so that it is engaged (pending) even before the
// module loads, as it must be at boot.
symbols::SymbolName target_name(const Entry& entry, const PlanInput& in,
                                std::vector<std::string>& notes) {
  symbols::SymbolName name = entry.target;
  if (!name.module.empty() || in.resolver == nullptr)
    return name;
  if (auto module = in.resolver->module_of(name.symbol)) {
    name.module = *module;
    notes.push_back(fmt::format("{} is a function of module {}: engaged as {}",
                                name.symbol, *module, name.to_string()));
  }
  return name;
}

EntryDecision decide_entry(const Entry& entry, const PlanInput& in) {
  Decision d;
  d.retval = entry.retval;
  d.origin = origin_of(entry);
  d.id = entry.id;
  d.source = entry.source;
  d.force = entry.force;

  const Engagement* engaged = find_engaged(in, entry.target);
  symbols::SymbolName name = entry.target;
  std::vector<std::string> resolved; // said only if it is engaged so
  if (engaged != nullptr) {
    d.current = engaged->retval;
    d.target = engaged->symbol;
    // A change is checked under the name it is engaged as.
    if (auto as_engaged = symbols::parse_symbol_name(engaged->symbol))
      name = std::move(*as_engaged);
  } else {
    name = target_name(entry, in, resolved);
    d.target = name.to_string();
  }
  const Owned* owned = find_owned(in, d.target);

  if (auto why = retirement(entry, in.today, in.kernel, d.notes)) {
    d.step = Step::skip;
    d.detail = *why;
    return {std::move(d), true};
  }

  if (engaged == nullptr) {
    d.step = Step::engage;
    d.detail = "not engaged";
    d.notes.insert(d.notes.end(), resolved.begin(), resolved.end());
  } else if (engaged->retval == entry.retval) {
    d.step = Step::keep;
    d.detail =
        owned != nullptr ? "engaged as asked" : "already engaged, not by apply";
  } else if (owned != nullptr && owned->retval == engaged->retval) {
    d.step = Step::change;
    d.detail = fmt::format("engaged by apply with retval={}", engaged->retval);
  } else {
    d.step = Step::skip;
    d.detail = fmt::format("engaged with retval={} by someone else: left alone",
                           engaged->retval);
    return {std::move(d), false};
  }

  if ((d.step == Step::engage || d.step == Step::change) && in.check != nullptr)
    run_check(d, name, entry, *in.check);
  return {std::move(d), false};
}

// An engagement apply owns that no entry wants any more.
Decision decide_leftover(const Owned& owned, const Engagement* engaged,
                         const std::string& why) {
  Decision d;
  d.target = owned.target;
  d.retval = owned.retval;
  d.origin = owned.origin;
  d.id = owned.id;
  d.source = owned.source;

  if (engaged == nullptr) {
    d.step = Step::forget;
    d.detail = "no longer engaged";
    return d;
  }
  d.current = engaged->retval;
  if (engaged->retval != owned.retval) {
    d.step = Step::forget;
    d.detail = fmt::format("retval changed to {} outside apply: left alone",
                           engaged->retval);
    return d;
  }
  d.step = Step::disengage;
  d.detail = why;
  return d;
}

// What the command line engaged, seen by an apply without --boot: it
// stays, and is shown, as long as it is engaged as apply left it.
std::optional<Decision> decide_cmdline_kept(const Owned& owned,
                                            const Engagement* engaged) {
  if (engaged == nullptr || engaged->retval != owned.retval)
    return std::nullopt;
  Decision d;
  d.step = Step::keep;
  d.target = owned.target;
  d.retval = owned.retval;
  d.current = engaged->retval;
  d.origin = owned.origin;
  d.id = owned.id;
  d.source = owned.source;
  d.detail = "from the kernel command line; apply --boot manages it";
  return d;
}

} // namespace

std::optional<std::string> retirement(const Entry& entry, const Date& today,
                                      const RunningKernel& kernel,
                                      std::vector<std::string>& notes) {
  if (entry.expires && today > *entry.expires)
    return fmt::format("expired on {}", format_date(*entry.expires));

  auto verdict = evaluate_guards(entry.guards, kernel.upstream);
  if (!verdict.applies)
    return verdict.reason;
  if (!verdict.reason.empty())
    notes.push_back(fmt::format("{} ({})", verdict.reason, kernel.source));
  return std::nullopt;
}

std::string_view step_name(Step step) {
  switch (step) {
  case Step::engage:
    return "engage";
  case Step::change:
    return "change";
  case Step::keep:
    return "keep";
  case Step::disengage:
    return "disengage";
  case Step::forget:
    return "forget";
  case Step::skip:
    return "skip";
  }
  return "skip";
}

std::vector<Decision> plan(const PlanInput& in) {
  std::vector<Decision> decisions;
  std::set<std::string, std::less<>> decided;

  // Left alone: what the command line engaged, unless it is being read.
  const auto may_release = [&](const Owned& owned) {
    return owned.origin != Origin::cmdline || in.boot;
  };

  for (const auto& entry : in.entries) {
    auto [d, retired_entry] = decide_entry(entry, in);
    const Owned* owned = find_owned(in, d.target);
    if (retired_entry && owned != nullptr && may_release(*owned)) {
      auto release =
          decide_leftover(*owned, find_engaged(in, d.target), d.detail);
      release.notes = std::move(d.notes);
      d = std::move(release);
    }
    decided.insert(d.target);
    decisions.push_back(std::move(d));
  }

  for (const auto& owned : in.owned) {
    if (decided.contains(owned.target))
      continue;
    if (!may_release(owned)) {
      if (auto kept =
              decide_cmdline_kept(owned, find_engaged(in, owned.target)))
        decisions.push_back(std::move(*kept));
      continue;
    }
    const char* why = owned.origin == Origin::cmdline
                          ? "no longer on the kernel command line"
                          : "no longer in the policy";
    decisions.push_back(
        decide_leftover(owned, find_engaged(in, owned.target), why));
  }
  return decisions;
}

} // namespace killswitch::policy
