#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/symbol.h"
#include "util/result.h"

namespace killswitch::analysis {

// Reading an ELF file held in memory (a module's .ko after decompression,
// or a vmlinux that carries BTF) with libelf.  libelf may convert data in
// place, hence the mutable image.  `what` names the file in messages.

// The bytes of section `name`; nothing when the file has no such section.
util::Result<std::optional<std::string>>
elf_section(std::string& image, std::string_view name, std::string_view what);

// The defined function and data symbols of the .symtab, in table order,
// with nm-style type letters and their section names.  Addresses are left
// 0: in an unloaded module they mean nothing.
util::Result<std::vector<SymbolEntry>>
elf_symbols(std::string& image, std::string_view module, std::string_view what);

} // namespace killswitch::analysis
