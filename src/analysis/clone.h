#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace killswitch::analysis {

// The suffixes GCC and clang append to the copies and pieces of a function
// they emit under a new name.
enum class CloneKind {
  isra,      // .isra.N: copy with scalarised (or dropped) parameters
  constprop, // .constprop.N: copy specialised for constant arguments
  part,      // .part.N: the outlined tail of a partially inlined function
  cold,      // .cold[.N]: the unlikely blocks, reached by jumps from the body
  llvm,      // .llvm.<digits>: a local symbol renamed by ThinLTO
  lto_priv,  // .lto_priv.N: a local symbol renamed by GCC LTO
};

// What a clone is relative to the function it came from.
enum class CloneShape {
  original, // no suffix: the function itself (listed beside a target clone)
  copy,     // a whole second body; callers of the copy bypass the original
  fragment, // part of the original's body; the original still runs first
  renamed,  // the same function under another name: there is no other body
};

std::string_view clone_kind_name(CloneKind kind);
std::string_view clone_shape_name(CloneShape shape);

// The suffixes of `name` after `base`, outermost last: "f.isra.0.cold"
// after "f" is {isra, cold}; `name` == `base` gives an empty list.
// Nothing when the rest is not a sequence of known suffixes (a static
// variable "f.1" is no clone of a function "f").
std::optional<std::vector<CloneKind>>
parse_clone_suffixes(std::string_view name, std::string_view base);

// `name` without its clone suffixes ("f.constprop.0" -> "f"); a name with
// none is returned whole.
std::string_view clone_base(std::string_view name);

// A fragment if any step cut the body, else a copy if any step copied it,
// else renamed; original for no suffix.
CloneShape clone_shape(std::span<const CloneKind> kinds);

} // namespace killswitch::analysis
