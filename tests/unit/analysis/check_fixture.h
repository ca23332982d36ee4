#pragma once

#include <algorithm>

#include <gtest/gtest.h>

#include "analysis/check.h"
#include "btf_builder.h"
#include "compress.h"
#include "elf_builder.h"
#include "fixture_view.h"

namespace killswitch::analysis::testing {

inline constexpr const char* kRelease = "6.1.0-test-amd64";
inline constexpr const char* kOther = "6.12.9-test";

// A system for check(): a running 6.1 kernel with kallsyms-basic.txt,
// tracefs, debugfs, vmlinux BTF for the fixture's functions, ext4 loaded
// with its BTF, and af_alg installed as a .ko.zst but not loaded.  Another
// kernel, 6.12.9-test, is installed with af_alg.ko.xz and a BTF-only
// vmlinux in its build directory, and no System.map.
class CheckTest : public ::testing::Test {
protected:
  void SetUp() override {
    btf_ = vmlinux_btf(&ids_);
    struct btf* b = btf_.get();
    for (const char* name : {"af_alg_sendmsg", "tcp_sendmsg", "notrace_helper",
                             "kprobe_int3_handler", "cleanup_entry"})
      add_function(b, name, ids_.int_id);
    for (const char* name :
         {"tcp_probe_timer", "schedule", "start_kernel", "calibrate_delay"})
      add_function(b, name, 0);
    const std::string vmlinux = raw_btf(b);

    const std::string dir = std::string("/lib/modules/") + kRelease;
    view_.file("/proc/sys/kernel/osrelease", std::string(kRelease) + "\n")
        .file("/proc/kallsyms", fixture("kallsyms-basic.txt"))
        .file("/proc/modules", fixture("proc-modules.txt"))
        .file("/sys/kernel/tracing/available_filter_functions",
              fixture("available_filter_functions.txt"))
        .file("/sys/kernel/debug/kprobes/blacklist",
              fixture("kprobes-blacklist.txt"))
        .file("/sys/kernel/btf/vmlinux", vmlinux)
        .file("/sys/kernel/btf/ext4", split({{"ext4_file_open", true}}))
        .file(dir + "/modules.dep", fixture("modules.dep"))
        .file(dir + "/modules.builtin", fixture("modules.builtin"))
        .file(dir + "/kernel/crypto/af_alg.ko.zst", zstd_compress(af_alg_ko()));

    const std::string other = std::string("/lib/modules/") + kOther;
    std::string dep = fixture("modules.dep");
    for (auto at = dep.find("af_alg.ko.zst"); at != std::string::npos;
         at = dep.find("af_alg.ko.zst"))
      dep.replace(at, 13, "af_alg.ko.xz");
    view_.file(other + "/modules.dep", dep)
        .file(other + "/modules.builtin", fixture("modules.builtin"))
        .file(other + "/build/vmlinux", build_elf({{".BTF", vmlinux}}, {}))
        .file(other + "/kernel/crypto/af_alg.ko.xz", xz_compress(af_alg_ko()))
        .file(std::string("/boot/System.map-") + kOther,
              fixture("system-map-debian-stub.txt"));
  }

  // Module BTF split on the fixture's vmlinux BTF: each function returns
  // int (true) or void (false).
  std::string split(std::vector<std::pair<const char*, bool>> functions) {
    BtfPtr btf(btf__new_empty_split(btf_.get()));
    for (const auto& [name, returns_int] : functions)
      add_function(btf.get(), name, returns_int ? ids_.int_id : 0);
    return raw_btf(btf.get());
  }

  std::string af_alg_ko() {
    return build_elf(
        {{".text", std::string(64, '\xc3')},
         {".init.text", std::string(16, '\xc3')},
         {".data", std::string(8, '\0')},
         {".BTF", split({{"af_alg_accept", true}, {"af_alg_release", false}})}},
        {{"af_alg_accept", ".text", STT_FUNC, STB_GLOBAL},
         {"af_alg_release", ".text", STT_FUNC, STB_GLOBAL},
         {"af_alg_release.cold", ".text", STT_FUNC, STB_LOCAL},
         {"af_alg_init", ".init.text", STT_FUNC, STB_LOCAL},
         {"twice", ".text", STT_FUNC, STB_LOCAL},
         {"twice", ".text", STT_FUNC, STB_LOCAL},
         {"af_alg_state", ".data", STT_OBJECT, STB_LOCAL}});
  }

  Report run(const std::string& target,
             std::optional<std::int64_t> retval = std::nullopt,
             std::optional<std::string> release = std::nullopt) {
    CheckOptions options;
    auto name = symbols::parse_symbol_name(target);
    EXPECT_TRUE(name) << target;
    if (name)
      options.target = *name;
    options.retval = retval;
    options.kernel_release = std::move(release);
    auto report = check(view_, options);
    EXPECT_TRUE(report) << (report ? "" : report.error().message);
    return report ? std::move(report.value()) : Report{};
  }

  BtfPtr btf_;
  BaseIds ids_{};
  FixtureView view_;
};

// The codes of a report's findings, in order.
inline std::vector<std::string> codes(const Report& report) {
  std::vector<std::string> out;
  for (const auto& f : report.verdict.reasons)
    out.push_back(f.code);
  return out;
}

inline const Finding* finding(const Report& report, const std::string& code) {
  for (const auto& f : report.verdict.reasons)
    if (f.code == code)
      return &f;
  return nullptr;
}

inline std::string message(const Report& report, const std::string& code) {
  const Finding* f = finding(report, code);
  return f != nullptr ? f->message : "(no " + code + ")";
}

inline bool has(const Report& report, const std::string& code) {
  return finding(report, code) != nullptr;
}

} // namespace killswitch::analysis::testing
