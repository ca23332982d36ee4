#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace killswitch::analysis {

// Where the facts about one kernel release live, under a root directory
// ("/" on a live system, a fixture tree in tests, a mounted image for an
// offline check).  Nothing here reads a file: check() tries the candidates
// in order through a SystemView.
//
// `running` says that `release` is the kernel running under `root`, so the
// live files (/proc/kallsyms, tracefs, debugfs, /sys/kernel/btf) describe
// it.  For any other release only /boot and /lib/modules apply.
struct Paths {
  std::string root = "/";
  std::string release;
  bool running = true;

  // The running release, read before a Paths can be built.
  static std::string osrelease(std::string_view root);

  std::string kallsyms() const;
  std::string proc_modules() const;
  // System.map files of `release`, for a kernel that is not running.
  std::vector<std::string> system_maps() const;

  // vmlinux BTF: the live raw BTF first when running, then the ELF files
  // where distributions and kernel builds leave it (libbpf looks in the
  // same places).
  std::vector<std::string> vmlinux_btf() const;
  // Raw BTF of a loaded module (split on vmlinux BTF).
  std::string module_btf(std::string_view module) const;

  std::string modules_dir() const;
  std::string modules_dep() const;
  std::string modules_builtin() const;

  // available_filter_functions under tracefs, or under debugfs on kernels
  // that only mount it there.
  std::vector<std::string> filter_functions() const;
  std::string kprobe_blacklist() const;

  // `relative` (no leading '/') under the root.
  std::string under_root(std::string_view relative) const;
};

} // namespace killswitch::analysis
