#include "analysis/elf_image.h"

#include <cerrno>
#include <memory>

#include <fmt/format.h>
#include <gelf.h>
#include <libelf.h>

namespace killswitch::analysis {
namespace {

using util::Error;
using util::fail;

struct ElfEnd {
  void operator()(Elf* elf) const { elf_end(elf); }
};
using ElfPtr = std::unique_ptr<Elf, ElfEnd>;

Error elf_error(std::string_view what, std::string_view step) {
  return Error{EINVAL, "elf",
               fmt::format("{} {}: {}", step, what, elf_errmsg(-1))};
}

struct OpenElf {
  ElfPtr elf;
  std::size_t shstrndx = 0; // the section holding section names

  const char* section_name(const GElf_Shdr& shdr) const {
    return elf_strptr(elf.get(), shstrndx, shdr.sh_name);
  }
};

util::Result<OpenElf> open_elf(std::string& image, std::string_view what) {
  // elf_version() must precede any other call; repeating it is harmless.
  if (elf_version(EV_CURRENT) == EV_NONE)
    return fail(elf_error(what, "initialise libelf for"));
  OpenElf open{ElfPtr(elf_memory(image.data(), image.size()))};
  if (!open.elf || elf_kind(open.elf.get()) != ELF_K_ELF)
    return fail(Error{EINVAL, "elf", fmt::format("{}: not an ELF file", what)});
  if (elf_getshdrstrndx(open.elf.get(), &open.shstrndx) != 0)
    return fail(elf_error(what, "read section names of"));
  return open;
}

// nm's letter for a defined symbol: lower case for local binding.
char type_letter(const GElf_Sym& sym, const GElf_Shdr& section) {
  char letter = 'd';
  if (GELF_ST_TYPE(sym.st_info) == STT_FUNC ||
      (section.sh_flags & SHF_EXECINSTR) != 0)
    letter = GELF_ST_BIND(sym.st_info) == STB_WEAK ? 'w' : 't';
  else if (section.sh_type == SHT_NOBITS)
    letter = 'b';
  else if ((section.sh_flags & SHF_WRITE) == 0)
    letter = 'r';
  if (GELF_ST_BIND(sym.st_info) != STB_LOCAL)
    letter = static_cast<char>(letter - 'a' + 'A');
  return letter;
}

bool wanted(const GElf_Sym& sym) {
  const int type = GELF_ST_TYPE(sym.st_info);
  return sym.st_shndx != SHN_UNDEF && sym.st_shndx < SHN_LORESERVE &&
         (type == STT_FUNC || type == STT_OBJECT || type == STT_NOTYPE);
}

} // namespace

util::Result<std::optional<std::string>>
elf_section(std::string& image, std::string_view name, std::string_view what) {
  auto open = open_elf(image, what);
  if (!open)
    return fail(open.error());
  Elf* elf = open->elf.get();

  for (Elf_Scn* scn = elf_nextscn(elf, nullptr); scn != nullptr;
       scn = elf_nextscn(elf, scn)) {
    GElf_Shdr shdr;
    if (gelf_getshdr(scn, &shdr) == nullptr)
      return fail(elf_error(what, "read a section header of"));
    const char* scn_name = open->section_name(shdr);
    if (scn_name == nullptr || name != scn_name)
      continue;
    const Elf_Data* data = elf_rawdata(scn, nullptr);
    if (data == nullptr || data->d_buf == nullptr)
      return fail(elf_error(what, fmt::format("read {} of", name)));
    return std::optional<std::string>(
        std::string(static_cast<const char*>(data->d_buf), data->d_size));
  }
  return std::optional<std::string>();
}

util::Result<std::vector<SymbolEntry>> elf_symbols(std::string& image,
                                                   std::string_view module,
                                                   std::string_view what) {
  auto open = open_elf(image, what);
  if (!open)
    return fail(open.error());
  Elf* elf = open->elf.get();

  Elf_Scn* symtab = nullptr;
  GElf_Shdr symtab_hdr;
  for (Elf_Scn* scn = elf_nextscn(elf, nullptr); scn != nullptr;
       scn = elf_nextscn(elf, scn)) {
    if (gelf_getshdr(scn, &symtab_hdr) != nullptr &&
        symtab_hdr.sh_type == SHT_SYMTAB) {
      symtab = scn;
      break;
    }
  }
  if (symtab == nullptr)
    return fail(Error{ENOENT, "elf", fmt::format("{}: no symbol table", what)});
  Elf_Data* data = elf_getdata(symtab, nullptr);
  if (data == nullptr || symtab_hdr.sh_entsize == 0)
    return fail(elf_error(what, "read the symbol table of"));

  std::vector<SymbolEntry> symbols;
  const std::size_t count = symtab_hdr.sh_size / symtab_hdr.sh_entsize;
  for (std::size_t i = 1; i < count; ++i) {
    GElf_Sym sym;
    if (gelf_getsym(data, static_cast<int>(i), &sym) == nullptr)
      return fail(elf_error(what, "read a symbol of"));
    if (!wanted(sym))
      continue;
    GElf_Shdr shdr;
    Elf_Scn* scn = elf_getscn(elf, sym.st_shndx);
    const char* name = elf_strptr(elf, symtab_hdr.sh_link, sym.st_name);
    if (scn == nullptr || gelf_getshdr(scn, &shdr) == nullptr ||
        name == nullptr)
      return fail(elf_error(what, "resolve a symbol of"));
    if (*name == '\0' || (GELF_ST_TYPE(sym.st_info) == STT_NOTYPE &&
                          (shdr.sh_flags & SHF_EXECINSTR) == 0))
      continue;
    const char* section = open->section_name(shdr);
    symbols.push_back(SymbolEntry{name, type_letter(sym, shdr),
                                  std::string(module), 0,
                                  section != nullptr ? section : ""});
  }
  return symbols;
}

} // namespace killswitch::analysis
