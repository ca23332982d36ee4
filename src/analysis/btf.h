#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

struct btf;

namespace killswitch::analysis {

// A loaded BTF object (libbpf).  Only what a check asks for is looked at:
// libbpf indexes the type section, and this code walks one function's types
// on demand instead of converting all of BTF into its own structures.
class Btf {
public:
  // `data` is raw BTF (as /sys/kernel/btf/* holds it) or an ELF file with a
  // .BTF section (a module's .ko, a vmlinux).  A module's BTF is split on
  // vmlinux's: pass that as `base` (see btf_merge.h for how it is joined).
  // `what` names the source in messages.
  static util::Result<Btf> parse(std::string data, const Btf* base,
                                 std::string_view what);

  // The ids of the types this object adds to its base start here (1 when
  // it has none).
  std::uint32_t first_own_id() const { return first_own_id_; }
  const struct btf* get() const { return btf_.get(); }

private:
  struct Free {
    void operator()(struct btf* btf) const;
  };
  Btf(struct btf* btf, std::uint32_t first_own_id)
      : btf_(btf), first_own_id_(first_own_id) {}

  std::unique_ptr<struct btf, Free> btf_;
  std::uint32_t first_own_id_;
};

enum class TypeClass {
  void_type,
  pointer,
  boolean,
  integer,
  enumeration,
  aggregate, // struct or union returned by value
  floating,
  other,
};

std::string_view type_class_name(TypeClass type_class);

struct Enumerator {
  std::string name;
  std::int64_t value = 0;
};

// A function's return type with typedefs and qualifiers seen through for
// the class, kept for the spelling.
struct ReturnType {
  TypeClass type_class = TypeClass::other;
  std::string spelling;   // as C writes it: "ssize_t", "struct sock *"
  std::uint32_t size = 0; // bytes; 0 for void
  bool is_signed = false; // integers and enums
  std::vector<Enumerator> enumerators; // enums only
};

// The return type of the function `name` among the types `btf` adds to its
// base: a module's BTF answers for the module's functions, not for a
// vmlinux function of the same name.  Nothing when there is no such FUNC.
std::optional<ReturnType> find_return_type(const Btf& btf,
                                           std::string_view name);

} // namespace killswitch::analysis
