#include <gtest/gtest.h>

#include "analysis/elf_image.h"
#include "elf_builder.h"

namespace killswitch::analysis {
namespace {

using testing::build_elf;

std::string module_image() {
  return build_elf({{".text", std::string(64, '\xc3')},
                    {".init.text", std::string(16, '\xc3')},
                    {".data", std::string(8, '\0')},
                    {".rodata", std::string(8, '\0')},
                    {".bss", std::string(8, '\0')},
                    {".BTF", "btf bytes"}},
                   {{"mod_open", ".text", STT_FUNC, STB_GLOBAL},
                    {"mod_helper", ".text", STT_FUNC, STB_LOCAL},
                    {"mod_helper.cold", ".text", STT_FUNC, STB_LOCAL},
                    {"mod_init", ".init.text", STT_FUNC, STB_LOCAL},
                    {"mod_weak", ".text", STT_FUNC, STB_WEAK},
                    {"mod_count", ".data", STT_OBJECT, STB_GLOBAL},
                    {"mod_table", ".rodata", STT_OBJECT, STB_LOCAL},
                    {"mod_buffer", ".bss", STT_OBJECT, STB_LOCAL},
                    {"mod_asm_label", ".text", STT_NOTYPE, STB_LOCAL},
                    {"mod_undefined", "", STT_FUNC, STB_GLOBAL}});
}

const SymbolEntry* find(const std::vector<SymbolEntry>& symbols,
                        const std::string& name) {
  for (const auto& s : symbols)
    if (s.name == name)
      return &s;
  return nullptr;
}

TEST(ElfImage, Symbols) {
  std::string image = module_image();
  auto symbols = elf_symbols(image, "mod", "mod.ko");
  ASSERT_TRUE(symbols) << symbols.error().message;
  EXPECT_EQ(symbols->size(), 9u); // the undefined one is left out

  const auto* open = find(*symbols, "mod_open");
  ASSERT_NE(open, nullptr);
  EXPECT_EQ(open->type, 'T');
  EXPECT_EQ(open->module, "mod");
  EXPECT_EQ(open->section, ".text");
  EXPECT_EQ(open->address, 0u);

  EXPECT_EQ(find(*symbols, "mod_helper")->type, 't');
  EXPECT_EQ(find(*symbols, "mod_init")->section, ".init.text");
  EXPECT_EQ(find(*symbols, "mod_weak")->type, 'W');
  EXPECT_EQ(find(*symbols, "mod_count")->type, 'D');
  EXPECT_EQ(find(*symbols, "mod_table")->type, 'r');
  EXPECT_EQ(find(*symbols, "mod_buffer")->type, 'b');
  EXPECT_EQ(find(*symbols, "mod_asm_label")->type, 't');
  EXPECT_EQ(find(*symbols, "mod_undefined"), nullptr);
}

TEST(ElfImage, Section) {
  std::string image = module_image();
  auto btf = elf_section(image, ".BTF", "mod.ko");
  ASSERT_TRUE(btf);
  EXPECT_EQ(*btf, std::optional<std::string>("btf bytes"));
  auto none = elf_section(image, ".BTF.ext", "mod.ko");
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
}

TEST(ElfImage, NotElf) {
  std::string junk = "not an ELF file at all";
  auto symbols = elf_symbols(junk, "mod", "mod.ko");
  ASSERT_FALSE(symbols);
  EXPECT_EQ(symbols.error().message, "mod.ko: not an ELF file");
  EXPECT_FALSE(elf_section(junk, ".BTF", "mod.ko"));
}

TEST(ElfImage, Truncated) {
  // Cut the file before its section headers: libelf refuses it.
  std::string image = module_image();
  image.resize(80);
  EXPECT_FALSE(elf_symbols(image, "mod", "mod.ko"));
}

} // namespace
} // namespace killswitch::analysis
