#include "analysis/symbol.h"

namespace killswitch::analysis {

bool SymbolEntry::is_text() const {
  // Weak symbols in the kernel are nearly always functions (__weak arch
  // hooks); weak data is rare and lives in .data, which kallsyms prints as
  // 'V'/'v', not 'W'.
  switch (type) {
  case 't':
  case 'T':
  case 'w':
  case 'W':
    return true;
  default:
    return false;
  }
}

std::string where(const SymbolEntry& entry) {
  return entry.in_vmlinux() ? std::string("vmlinux") : entry.module;
}

} // namespace killswitch::analysis
