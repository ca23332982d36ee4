#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace killswitch::analysis {

// The name the kernel gives a module: KBUILD_MODNAME turns '-' into '_',
// so "snd-hda-intel.ko" loads as "snd_hda_intel".
std::string normalize_module_name(std::string_view name);

// "kernel/crypto/af_alg.ko.xz" -> "af_alg" (normalized).
std::string module_name_of_path(std::string_view path);

struct LoadedModule {
  std::string name;
  std::string state; // Live, Loading or Unloading
};

// /proc/modules: "NAME SIZE REFS DEPS STATE ADDRESS [TAINTS]" per line.
util::Result<std::vector<LoadedModule>>
parse_proc_modules(std::string_view text);

// The path (relative to /lib/modules/R) of `module`'s file in modules.dep
// ("PATH: DEPS..." per line); nothing when it is not listed.
util::Result<std::optional<std::string>>
find_in_modules_dep(std::string_view text, std::string_view module);

// Whether modules.builtin (one "kernel/.../NAME.ko" per line) lists
// `module`, i.e. it is part of vmlinux and has no struct module.
bool is_builtin_module(std::string_view text, std::string_view module);

} // namespace killswitch::analysis
