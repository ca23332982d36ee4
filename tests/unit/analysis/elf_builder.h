#pragma once

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include <elf.h>

namespace killswitch::analysis::testing {

struct ElfSymbolSpec {
  std::string name;
  std::string section; // must be one of the sections given
  unsigned char type = STT_FUNC;
  unsigned char bind = STB_GLOBAL;
};

struct ElfSectionSpec {
  std::string name;
  std::string data;
};

// A minimal ELF64 relocatable x86-64 file, like a .ko: the given sections
// (".text*" and ".init.text" executable, ".data" writable, ".bss" NOBITS),
// then .symtab, .strtab and .shstrtab.
inline std::string build_elf(const std::vector<ElfSectionSpec>& sections,
                             std::vector<ElfSymbolSpec> symbols) {
  // Locals first, as ELF requires; sh_info of .symtab is the first global.
  std::stable_partition(
      symbols.begin(), symbols.end(),
      [](const ElfSymbolSpec& s) { return s.bind == STB_LOCAL; });
  std::string shstrtab(1, '\0');
  const auto add_name = [](std::string& table, const std::string& name) {
    const auto offset = static_cast<Elf64_Word>(table.size());
    table += name;
    table += '\0';
    return offset;
  };

  std::vector<Elf64_Shdr> headers(1);
  std::string body(sizeof(Elf64_Ehdr), '\0');
  const auto place = [&](const std::string& data) {
    while (body.size() % 8 != 0)
      body += '\0';
    const auto offset = body.size();
    body += data;
    return static_cast<Elf64_Off>(offset);
  };

  for (const auto& section : sections) {
    Elf64_Shdr h{};
    h.sh_name = add_name(shstrtab, section.name);
    h.sh_type = section.name == ".bss" ? SHT_NOBITS : SHT_PROGBITS;
    if (section.name.starts_with(".text") || section.name == ".init.text")
      h.sh_flags = SHF_ALLOC | SHF_EXECINSTR;
    else if (section.name == ".data" || section.name == ".bss")
      h.sh_flags = SHF_ALLOC | SHF_WRITE;
    h.sh_offset = place(h.sh_type == SHT_NOBITS ? "" : section.data);
    h.sh_size = section.data.size();
    h.sh_addralign = 1;
    headers.push_back(h);
  }

  const auto section_index = [&](const std::string& name) {
    for (std::size_t i = 0; i < sections.size(); ++i)
      if (sections[i].name == name)
        return static_cast<Elf64_Section>(i + 1);
    return static_cast<Elf64_Section>(SHN_UNDEF);
  };
  std::string strtab(1, '\0');
  std::string symtab(sizeof(Elf64_Sym), '\0');
  Elf64_Word first_global = 1;
  for (const auto& spec : symbols) {
    Elf64_Sym sym{};
    sym.st_name = add_name(strtab, spec.name);
    sym.st_info =
        static_cast<unsigned char>(ELF64_ST_INFO(spec.bind, spec.type));
    sym.st_shndx = section_index(spec.section);
    if (spec.bind == STB_LOCAL)
      ++first_global;
    symtab.append(reinterpret_cast<const char*>(&sym), sizeof(sym));
  }

  // .symtab, the .strtab it links to, and .shstrtab, named first so that
  // .shstrtab holds its own name.
  const Elf64_Word symtab_name = add_name(shstrtab, ".symtab");
  const Elf64_Word strtab_name = add_name(shstrtab, ".strtab");
  const Elf64_Word shstrtab_name = add_name(shstrtab, ".shstrtab");
  const auto add_table = [&](Elf64_Word name, Elf64_Word type,
                             const std::string& data) {
    Elf64_Shdr h{};
    h.sh_name = name;
    h.sh_type = type;
    h.sh_offset = place(data);
    h.sh_size = data.size();
    h.sh_addralign = 1;
    headers.push_back(h);
    return headers.size() - 1;
  };
  const std::size_t sym = add_table(symtab_name, SHT_SYMTAB, symtab);
  headers[sym].sh_link = static_cast<Elf64_Word>(sym + 1);
  headers[sym].sh_info = first_global;
  headers[sym].sh_entsize = sizeof(Elf64_Sym);
  add_table(strtab_name, SHT_STRTAB, strtab);
  add_table(shstrtab_name, SHT_STRTAB, shstrtab);

  std::string table;
  for (const auto& h : headers)
    table.append(reinterpret_cast<const char*>(&h), sizeof(h));
  const Elf64_Off shoff = place(table);

  Elf64_Ehdr e{};
  std::memcpy(e.e_ident, ELFMAG, SELFMAG);
  e.e_ident[EI_CLASS] = ELFCLASS64;
  e.e_ident[EI_DATA] = ELFDATA2LSB;
  e.e_ident[EI_VERSION] = EV_CURRENT;
  e.e_type = ET_REL;
  e.e_machine = EM_X86_64;
  e.e_version = EV_CURRENT;
  e.e_shoff = shoff;
  e.e_ehsize = sizeof(Elf64_Ehdr);
  e.e_shentsize = sizeof(Elf64_Shdr);
  e.e_shnum = static_cast<Elf64_Half>(headers.size());
  e.e_shstrndx = static_cast<Elf64_Half>(headers.size() - 1);
  std::memcpy(body.data(), &e, sizeof(e));
  return body;
}

} // namespace killswitch::analysis::testing
