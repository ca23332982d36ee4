#pragma once

#include <string>
#include <string_view>

#include "util/result.h"

namespace killswitch::analysis {

// One standalone raw BTF equal to `split` on top of `base`.
//
// A module's BTF is split BTF: its type ids continue after the base's last
// id and its string offsets after the end of the base's strings.  The
// base's type section followed by the module's, and the base's strings
// followed by the module's, therefore form a BTF in which every id and
// every offset means what it meant in the split pair.  libbpf 1.1 (Debian
// 12) declares btf__new_split() but does not export it, and its path-based
// split parsers would read behind the SystemView's back, so the check loads
// a module's BTF this way.
//
// Both inputs must be raw BTF (magic 0xeb9f, version 1); the error names
// what is wrong with which.
util::Result<std::string> merge_split_btf(std::string_view base,
                                          std::string_view split);

} // namespace killswitch::analysis
