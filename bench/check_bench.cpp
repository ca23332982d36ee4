// How long `killswitch check` takes on this machine, warm.
//
//   build/bench/check_bench [--benchmark_filter=...]
//
// live_check: check() through LiveSystemView on the running kernel, as the
// tool runs it.  read_file: the kernel's share, reading the files alone.
// memory_check: check() on copies of the same files held in memory, so the
// time is the analysis' own; it also gets an available_filter_functions
// and a kprobe blacklist built from kallsyms when the host has no tracefs
// or debugfs mounted, so that those parsers are timed on real sizes.
// offline_check/R: --kernel-release R for each other kernel installed
// under /lib/modules.

#include <array>
#include <exception>
#include <iostream>
#include <map>
#include <mutex>
#include <string>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "analysis/btf.h"
#include "analysis/check.h"
#include "analysis/kallsyms.h"
#include "analysis/live_system_view.h"

namespace {

using namespace killswitch;
using analysis::LiveSystemView;

const LiveSystemView& live() {
  static const LiveSystemView view;
  return view;
}

analysis::CheckOptions options_for(const std::string& target,
                                   const std::string& release = "") {
  analysis::CheckOptions options;
  auto name = symbols::parse_symbol_name(target);
  if (name)
    options.target = *name;
  if (!release.empty())
    options.kernel_release = release;
  return options;
}

void run_check(benchmark::State& state, const analysis::SystemView& view,
               const analysis::CheckOptions& options) {
  for (auto _ : state) {
    auto report = analysis::check(view, options);
    if (!report) {
      state.SkipWithError(report.error().message.c_str());
      return;
    }
    benchmark::DoNotOptimize(report->verdict.level);
  }
}

// Serves every file from memory after reading it once; fills in tracefs
// and debugfs files from kallsyms when the host does not have them.
class MemoryView : public analysis::SystemView {
public:
  bool exists(const std::string& path) const override {
    return live().exists(path) || synthetic(path);
  }

  util::Result<std::string> read_file(const std::string& path) const override {
    const std::lock_guard lock(mutex_);
    auto it = files_.find(path);
    if (it == files_.end()) {
      auto text = live().read_file(path);
      if (!text && synthetic(path))
        text = synthesise(path);
      it = files_.emplace(path, std::move(text)).first;
    }
    return it->second;
  }

  util::Result<std::vector<std::string>>
  list_dir(const std::string& path) const override {
    return live().list_dir(path);
  }

private:
  static bool synthetic(const std::string& path) {
    return path == "/sys/kernel/tracing/available_filter_functions" ||
           path == "/sys/kernel/debug/kprobes/blacklist";
  }

  // Every text symbol, in the two files' formats.  The real files are a
  // subset (traceable functions, blacklisted functions), so this errs on
  // the slow side.
  static util::Result<std::string> synthesise(const std::string& path) {
    auto kallsyms = live().read_file("/proc/kallsyms");
    if (!kallsyms)
      return kallsyms;
    const bool blacklist = path.ends_with("blacklist");
    std::string out;
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < kallsyms->size();) {
      auto eol = kallsyms->find('\n', pos);
      if (eol == std::string::npos)
        eol = kallsyms->size();
      auto entry = analysis::parse_kallsyms_line(
          std::string_view(*kallsyms).substr(pos, eol - pos));
      pos = eol + 1;
      if (!entry || !entry->is_text())
        continue;
      // The blacklist is a few thousand lines, not every function.
      if (blacklist && count++ % 40 != 0)
        continue;
      const std::string mod =
          entry->module.empty() ? "" : fmt::format(" [{}]", entry->module);
      out += blacklist
                 ? fmt::format("0x{:016x}-0x{:016x}\t{}{}\n", entry->address,
                               entry->address + 16, entry->name, mod)
                 : fmt::format("{}{}\n", entry->name, mod);
    }
    return out;
  }

  mutable std::mutex mutex_;
  mutable std::map<std::string, util::Result<std::string>> files_;
};

const MemoryView& memory() {
  static const MemoryView view;
  return view;
}

// Targets of different shapes: void, int, ssize_t, a clone-only name, a
// core function.
constexpr std::array kTargets = {"calibrate_delay", "do_sys_poll", "vfs_read",
                                 "kzalloc_noprof", "schedule"};

const char* target_of(const benchmark::State& state) {
  return kTargets.at(static_cast<std::size_t>(state.range(0)));
}

void live_check(benchmark::State& state) {
  run_check(state, live(), options_for(target_of(state)));
  state.SetLabel(target_of(state));
}
BENCHMARK(live_check)
    ->DenseRange(0, 4)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void memory_check(benchmark::State& state) {
  run_check(state, memory(), options_for(target_of(state)));
  state.SetLabel(target_of(state));
}
BENCHMARK(memory_check)
    ->DenseRange(0, 4)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void read_file(benchmark::State& state, const std::string& path) {
  for (auto _ : state) {
    auto text = live().read_file(path);
    if (!text) {
      state.SkipWithError(text.error().message.c_str());
      return;
    }
    benchmark::DoNotOptimize(text->data());
  }
}
BENCHMARK_CAPTURE(read_file, kallsyms, std::string("/proc/kallsyms"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(read_file, vmlinux_btf,
                  std::string("/sys/kernel/btf/vmlinux"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void parse_vmlinux_btf(benchmark::State& state) {
  auto raw = live().read_file("/sys/kernel/btf/vmlinux");
  if (!raw) {
    state.SkipWithError(raw.error().message.c_str());
    return;
  }
  for (auto _ : state) {
    auto btf = analysis::Btf::parse(*raw, nullptr, "vmlinux");
    auto type =
        btf ? analysis::find_return_type(*btf, "vfs_read") : std::nullopt;
    benchmark::DoNotOptimize(type);
  }
}
BENCHMARK(parse_vmlinux_btf)->Unit(benchmark::kMillisecond);

void scan_kallsyms(benchmark::State& state) {
  auto text = live().read_file("/proc/kallsyms");
  if (!text) {
    state.SkipWithError(text.error().message.c_str());
    return;
  }
  for (auto _ : state) {
    auto scan = analysis::scan_kallsyms(*text, "schedule");
    benchmark::DoNotOptimize(scan);
  }
}
BENCHMARK(scan_kallsyms)->Unit(benchmark::kMillisecond);

// A module of each installed kernel that is not running, from its .ko
// (.ko.xz on 6.12) with BTF split on vmlinux BTF where the headers package
// ships one (Debian does for 6.12, not for 6.1).
void offline_check(benchmark::State& state, const std::string& release) {
  run_check(state, live(), options_for("af_alg:af_alg_sendmsg", release));
}

void register_offline() {
  auto releases = live().list_dir("/lib/modules");
  auto running = live().read_file("/proc/sys/kernel/osrelease");
  if (!releases)
    return;
  for (const auto& release : *releases) {
    if (running && running->starts_with(release + "\n"))
      continue;
    benchmark::RegisterBenchmark(("offline_check/" + release).c_str(),
                                 offline_check, release)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
}

} // namespace

int main(int argc, char** argv) {
  try {
    register_offline();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
      return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
  } catch (const std::exception& e) {
    std::cerr << "check_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
