#include <gtest/gtest.h>

#include "analysis/modules.h"
#include "fixture_view.h"

namespace killswitch::analysis {
namespace {

using testing::fixture;

TEST(ModuleNames, Normalize) {
  EXPECT_EQ(normalize_module_name("snd-hda-intel"), "snd_hda_intel");
  EXPECT_EQ(normalize_module_name("ext4"), "ext4");
  EXPECT_EQ(module_name_of_path("kernel/crypto/af_alg.ko.zst"), "af_alg");
  EXPECT_EQ(module_name_of_path("kernel/sound/snd-hda-intel.ko.xz"),
            "snd_hda_intel");
  EXPECT_EQ(module_name_of_path("ext4.ko"), "ext4");
  EXPECT_EQ(module_name_of_path("/abs/path/mod.ko.gz"), "mod");
}

TEST(ProcModules, Parses) {
  auto modules = parse_proc_modules(fixture("proc-modules.txt"));
  ASSERT_TRUE(modules);
  ASSERT_EQ(modules->size(), 3u);
  EXPECT_EQ((*modules)[0].name, "ext4");
  EXPECT_EQ((*modules)[0].state, "Live");
  EXPECT_EQ((*modules)[2].name, "killswitch");
  EXPECT_TRUE(parse_proc_modules("")->empty());
}

TEST(ProcModules, Malformed) {
  for (const char* text :
       {"ext4\n", "ext4 big 1 - Live 0x0\n", "ext4 1 1 - Live\n"}) {
    auto modules = parse_proc_modules(text);
    ASSERT_FALSE(modules) << text;
    EXPECT_NE(modules.error().message.find("line 1"), std::string::npos);
  }
}

TEST(ModulesDep, FindsPath) {
  const std::string dep = fixture("modules.dep");
  EXPECT_EQ(*find_in_modules_dep(dep, "af_alg"),
            std::optional<std::string>("kernel/crypto/af_alg.ko.zst"));
  EXPECT_EQ(
      *find_in_modules_dep(dep, "snd_hda_intel"),
      std::optional<std::string>("kernel/sound/pci/hda/snd-hda-intel.ko.xz"));
  EXPECT_EQ(
      *find_in_modules_dep(dep, "snd-hda-intel"),
      std::optional<std::string>("kernel/sound/pci/hda/snd-hda-intel.ko.xz"));
  EXPECT_EQ(*find_in_modules_dep(dep, "jbd2"), std::nullopt); // a dependency
  EXPECT_EQ(*find_in_modules_dep(dep, "nope"), std::nullopt);
}

TEST(ModulesDep, Malformed) {
  auto no_colon = find_in_modules_dep("kernel/a.ko\n", "a");
  ASSERT_FALSE(no_colon);
  EXPECT_NE(no_colon.error().message.find("line 1"), std::string::npos);
  EXPECT_FALSE(find_in_modules_dep("kernel/a.ko:\n: b\n", "b"));
  EXPECT_TRUE(find_in_modules_dep("\nkernel/a.ko:\n", "a"));
}

TEST(ModulesBuiltin, Lists) {
  const std::string builtin = fixture("modules.builtin");
  EXPECT_TRUE(is_builtin_module(builtin, "vfat"));
  EXPECT_TRUE(is_builtin_module(builtin, "crc32c-generic"));
  EXPECT_FALSE(is_builtin_module(builtin, "ext4"));
  EXPECT_FALSE(is_builtin_module("", "vfat"));
}

} // namespace
} // namespace killswitch::analysis
