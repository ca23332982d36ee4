#include <gtest/gtest.h>

#include "analysis/paths.h"

namespace killswitch::analysis {
namespace {

TEST(Paths, LiveUnderRoot) {
  Paths p{"/", "6.1.0-57-amd64", true};
  EXPECT_EQ(p.kallsyms(), "/proc/kallsyms");
  EXPECT_EQ(p.vmlinux_btf().front(), "/sys/kernel/btf/vmlinux");
  EXPECT_EQ(p.module_btf("af_alg"), "/sys/kernel/btf/af_alg");
  EXPECT_EQ(p.modules_dep(), "/lib/modules/6.1.0-57-amd64/modules.dep");
  EXPECT_EQ(p.kprobe_blacklist(), "/sys/kernel/debug/kprobes/blacklist");
  EXPECT_EQ(p.filter_functions().front(),
            "/sys/kernel/tracing/available_filter_functions");
  EXPECT_EQ(Paths::osrelease("/"), "/proc/sys/kernel/osrelease");
}

TEST(Paths, EveryPathCarriesTheRoot) {
  Paths p{"/srv/image/", "6.12.1", true};
  std::vector<std::string> all = {p.kallsyms(),        p.proc_modules(),
                                  p.module_btf("m"),   p.modules_dir(),
                                  p.modules_builtin(), p.kprobe_blacklist()};
  for (const auto& list :
       {p.system_maps(), p.vmlinux_btf(), p.filter_functions()})
    all.insert(all.end(), list.begin(), list.end());
  for (const auto& path : all)
    EXPECT_TRUE(path.starts_with("/srv/image/") &&
                !path.starts_with("/srv/image//"))
        << path;
}

TEST(Paths, OtherReleaseHasNoLiveBtf) {
  Paths p{"/", "6.12.1", false};
  const auto btf = p.vmlinux_btf();
  EXPECT_EQ(btf.front(), "/boot/vmlinux-6.12.1");
  EXPECT_EQ(std::count(btf.begin(), btf.end(), "/sys/kernel/btf/vmlinux"), 0);
  EXPECT_NE(
      std::find(btf.begin(), btf.end(), "/lib/modules/6.12.1/build/vmlinux"),
      btf.end());
  EXPECT_EQ(p.system_maps().front(), "/boot/System.map-6.12.1");
}

} // namespace
} // namespace killswitch::analysis
