#include <chrono>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands/batch_send.h"
#include "commands/duration.h"
#include "commands/handlers.h"
#include "commands/rendered.h"
#include "commands/session.h"
#include "commands/target_analysis.h"
#include "util/text.h"

namespace killswitch::commands {
namespace {

using kernel_iface::BatchLine;
using kernel_iface::BatchVerb;
using util::fail;

// How long past the window the tool waits for the kernel to close it: the
// window ends on a timer, which may run a little late on a loaded machine.
constexpr auto kGrace = std::chrono::seconds(5);
constexpr auto kPoll = std::chrono::milliseconds(200);

struct Observation {
  std::string state;
  std::uint64_t hits = 0;
  std::vector<kernel_iface::Caller> callers;
};

std::string read_trimmed(Context& ctx, const std::string& path) {
  auto text = ctx.iface.filesystem().read(path);
  return text ? std::string(util::trim(*text)) : std::string();
}

// Waits for the window, then for the state to leave "observing".
void wait_for_window(Context& ctx, const kernel_iface::TargetFiles& files,
                     int seconds) {
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  const auto deadline = std::chrono::steady_clock::now() + kGrace;
  while (read_trimmed(ctx, files.state) == "observing" &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(kPoll);
}

util::Result<Observation> observation(Context& ctx,
                                      const kernel_iface::TargetFiles& files) {
  Observation seen;
  seen.state = read_trimmed(ctx, files.state);
  auto hits = ctx.iface.filesystem().read(files.hits);
  if (!hits)
    return fail(hits.error());
  if (auto n = util::parse_u64(util::trim(*hits)); n)
    seen.hits = *n;
  auto callers = ctx.iface.filesystem().read(files.callers);
  if (!callers)
    return fail(callers.error());
  auto parsed = kernel_iface::parse_callers(*callers);
  if (!parsed)
    return fail(parsed.error());
  seen.callers = std::move(*parsed);
  return seen;
}

void report(Context& ctx, const symbols::SymbolName& target, int seconds,
            const Observation& seen) {
  const auto name = target.to_string();
  std::string text =
      fmt::format("{}: {} calls in {}s (state {})\n", name, seen.hits, seconds,
                  seen.state.empty() ? "unknown" : seen.state);
  if (seen.state == "pending")
    text += fmt::format("its module never loaded during the window\n");
  if (seen.callers.empty())
    text += "no caller seen: engaging it now would have broken nothing that "
            "ran\n";
  else
    text += "would be broken:\n";
  nlohmann::json callers = nlohmann::json::array();
  for (const auto& c : seen.callers) {
    text += fmt::format("  comm={} pid={} uid={} calls={} caller={}\n", c.comm,
                        c.pid, c.uid, c.calls, c.caller);
    callers.push_back({{"comm", c.comm},
                       {"pid", c.pid},
                       {"uid", c.uid},
                       {"calls", c.calls},
                       {"caller", c.caller},
                       {"stack", c.stack}});
  }
  print_rendered(ctx, text, "",
                 {{"probe",
                   {{"symbol", name},
                    {"seconds", seconds},
                    {"state", seen.state},
                    {"hits", seen.hits},
                    {"callers", callers}}}});
}

} // namespace

// Observing never blocks a call (the kernel's `observe`), so the analysis
// only stops a probe for what the kernel would refuse or what would hurt
// to probe at all, such as a core function; --force goes ahead anyway.
Outcome do_probe(Context& ctx, const Args& args) {
  if (args.words.size() != 1)
    throw UsageError("probe takes one SYMBOL");
  if (args.window.empty())
    throw UsageError("probe needs --for DURATION (30s, 2m)");
  auto seconds = parse_duration(args.window);
  if (!seconds)
    throw UsageError("--for: " + seconds.error().message);
  auto target = symbol_argument(args.words[0]);

  if (auto ready = prepare(ctx, true); !ready)
    return ready;
  if (ctx.view != nullptr) {
    auto checked = check_target(*ctx.view, target, std::nullopt);
    if (auto go = gate(ctx, target, checked, {args.force, false}); !go)
      return go;
    if (checked)
      target = write_target(*checked, target);
  }

  const BatchLine observe{BatchVerb::observe, target, 0, *seconds};
  if (auto sent = send_lines(ctx, {observe}); !sent)
    return sent;

  const auto files = kernel_iface::target_files(ctx.iface.paths(), target);
  wait_for_window(ctx, files, *seconds);
  auto seen = observation(ctx, files);

  // Released whatever was read: the observation must not outlive the tool.
  std::optional<kernel_iface::LastError> last;
  const BatchLine release{BatchVerb::disengage, target, 0, 0};
  if (auto gone = kernel_iface::send_batch(ctx.iface, {release}, last); !gone)
    ctx.out.note(fmt::format("could not disengage {} after the probe: {}",
                             target.to_string(), gone.error().message));

  if (!seen)
    return fail(Failure{ExitCode::failure,
                        fmt::format("cannot read what {} observed: {}",
                                    target.to_string(), seen.error().message),
                        seen.error().code});
  report(ctx, target, *seconds, *seen);
  return {};
}

} // namespace killswitch::commands
