#pragma once

#include <cstdint>
#include <string>

namespace killswitch::analysis {

// One symbol as /proc/kallsyms, a System.map or a module's ELF symbol table
// lists it.
struct SymbolEntry {
  std::string name;
  // The nm-style type letter: 't'/'T' text, 'w'/'W' weak, 'd'/'D' data,
  // 'b'/'B' bss, 'r'/'R' read-only data, 'a'/'A' absolute.
  char type = '?';
  std::string module; // empty: vmlinux
  // 0 means unknown: kptr_restrict prints every address as 0, and an
  // unloaded module has no addresses.  Never compared when 0.
  std::uint64_t address = 0;
  std::string section; // ELF section name, only for symbols read from a .ko

  bool is_text() const;
  bool in_vmlinux() const { return module.empty(); }
};

// [start, end) of kernel addresses; both known (non-zero).
struct AddressRange {
  std::uint64_t start = 0;
  std::uint64_t end = 0;

  // False whenever `address` is 0 (unknown).
  bool contains(std::uint64_t address) const {
    return address != 0 && address >= start && address < end;
  }
};

// "vmlinux" or the module name, for messages.
std::string where(const SymbolEntry& entry);

} // namespace killswitch::analysis
