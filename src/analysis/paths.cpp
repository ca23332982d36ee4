#include "analysis/paths.h"

#include <fmt/format.h>

namespace killswitch::analysis {
namespace {

std::string join(std::string_view root, std::string_view relative) {
  while (!root.empty() && root.back() == '/')
    root.remove_suffix(1);
  return fmt::format("{}/{}", root, relative);
}

} // namespace

std::string Paths::osrelease(std::string_view root) {
  return join(root, "proc/sys/kernel/osrelease");
}

std::string Paths::under_root(std::string_view relative) const {
  return join(root, relative);
}

std::string Paths::kallsyms() const {
  return under_root("proc/kallsyms");
}

std::string Paths::proc_modules() const {
  return under_root("proc/modules");
}

std::vector<std::string> Paths::system_maps() const {
  return {under_root(fmt::format("boot/System.map-{}", release)),
          under_root(fmt::format("usr/lib/debug/boot/System.map-{}", release)),
          under_root(fmt::format("lib/modules/{}/build/System.map", release))};
}

std::vector<std::string> Paths::vmlinux_btf() const {
  std::vector<std::string> paths;
  if (running)
    paths.push_back(under_root("sys/kernel/btf/vmlinux"));
  for (const auto* pattern :
       {"boot/vmlinux-{0}", "lib/modules/{0}/vmlinux-{0}",
        "lib/modules/{0}/build/vmlinux", "usr/lib/modules/{0}/kernel/vmlinux",
        "usr/lib/debug/boot/vmlinux-{0}",
        "usr/lib/debug/lib/modules/{0}/vmlinux"})
    paths.push_back(under_root(fmt::format(fmt::runtime(pattern), release)));
  return paths;
}

std::string Paths::module_btf(std::string_view module) const {
  return under_root(fmt::format("sys/kernel/btf/{}", module));
}

std::string Paths::modules_dir() const {
  return under_root(fmt::format("lib/modules/{}", release));
}

std::string Paths::modules_dep() const {
  return modules_dir() + "/modules.dep";
}

std::string Paths::modules_builtin() const {
  return modules_dir() + "/modules.builtin";
}

std::vector<std::string> Paths::filter_functions() const {
  return {under_root("sys/kernel/tracing/available_filter_functions"),
          under_root("sys/kernel/debug/tracing/available_filter_functions")};
}

std::string Paths::kprobe_blacklist() const {
  return under_root("sys/kernel/debug/kprobes/blacklist");
}

} // namespace killswitch::analysis
