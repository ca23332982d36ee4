#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/btf.h"
#include "analysis/verdict.h"

namespace killswitch::analysis {

// What returning `retval` means for a function returning `type`.  The
// class of the type brings its own finding (a void body is skipped, a
// pointer's callers may check NULL or ERR_PTR); the value, when given, is
// held to the type's range.  killswitch sets all of %rax, so a caller reads
// the low `size` bytes of RETVAL.
std::vector<Finding> check_retval(const ReturnType& type,
                                  std::optional<std::int64_t> retval);

// The value to engage with when the user gives none: -EPERM for a signed
// integer, 0 (NULL, false) for void, pointers, bools and unsigned
// integers; nothing for enums and structs, where no value is safe by
// default.
std::optional<std::int64_t> suggest_retval(const ReturnType& type);

} // namespace killswitch::analysis
