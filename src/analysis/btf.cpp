#include "analysis/btf.h"

#include <cerrno>
#include <cstring>

#include <bpf/btf.h>
#include <fmt/format.h>

#include "analysis/btf_merge.h"
#include "analysis/elf_image.h"

namespace killswitch::analysis {
namespace {

using util::Error;
using util::fail;

constexpr std::string_view kElfMagic("\x7f"
                                     "ELF",
                                     4);
// Typedef chains in the kernel are short; this only stops a corrupt cycle.
constexpr int kMaxDepth = 32;

std::string name_of(const struct btf* btf, const struct btf_type* t) {
  const char* name = btf__name_by_offset(btf, t->name_off);
  return name != nullptr && *name != '\0' ? name : "(anon)";
}

std::string spell(const struct btf* btf, std::uint32_t id, int depth) {
  const struct btf_type* t = btf__type_by_id(btf, id);
  if (id == 0)
    return "void";
  if (t == nullptr || depth > kMaxDepth)
    return "?";
  switch (btf_kind(t)) {
  case BTF_KIND_PTR: {
    const struct btf_type* to = btf__type_by_id(btf, t->type);
    if (to != nullptr && btf_is_func_proto(to))
      return "function pointer";
    std::string inner = spell(btf, t->type, depth + 1);
    return inner.ends_with('*') ? inner + "*" : inner + " *";
  }
  case BTF_KIND_CONST:
    return "const " + spell(btf, t->type, depth + 1);
  case BTF_KIND_VOLATILE:
    return "volatile " + spell(btf, t->type, depth + 1);
  case BTF_KIND_RESTRICT:
  case BTF_KIND_TYPE_TAG:
    return spell(btf, t->type, depth + 1);
  case BTF_KIND_STRUCT:
    return "struct " + name_of(btf, t);
  case BTF_KIND_UNION:
    return "union " + name_of(btf, t);
  case BTF_KIND_ENUM:
  case BTF_KIND_ENUM64:
    return "enum " + name_of(btf, t);
  default:
    return name_of(btf, t);
  }
}

void add_enumerators(const struct btf* btf, const struct btf_type* t,
                     ReturnType& type) {
  const int count = btf_vlen(t);
  for (int i = 0; i < count; ++i) {
    std::int64_t value = 0;
    std::uint32_t name_off = 0;
    if (btf_is_enum64(t)) {
      const struct btf_enum64* e = btf_enum64(t) + i;
      value = static_cast<std::int64_t>(btf_enum64_value(e));
      name_off = e->name_off;
    } else {
      const struct btf_enum* e = btf_enum(t) + i;
      value =
          type.is_signed
              ? e->val
              : static_cast<std::int64_t>(static_cast<std::uint32_t>(e->val));
      name_off = e->name_off;
    }
    const char* name = btf__name_by_offset(btf, name_off);
    type.enumerators.push_back(Enumerator{name != nullptr ? name : "", value});
  }
}

ReturnType classify(const struct btf* btf, std::uint32_t id) {
  ReturnType type;
  type.spelling = spell(btf, id, 0);

  const struct btf_type* t = btf__type_by_id(btf, id);
  for (int depth = 0; id != 0 && t != nullptr && depth < kMaxDepth &&
                      (btf_is_mod(t) || btf_is_typedef(t));
       ++depth) {
    id = t->type;
    t = btf__type_by_id(btf, id);
  }
  if (id == 0) {
    type.type_class = TypeClass::void_type;
    return type;
  }
  if (t == nullptr)
    return type;

  type.size = btf_is_ptr(t) ? 8 : t->size;
  if (btf_is_ptr(t)) {
    type.type_class = TypeClass::pointer;
  } else if (btf_is_int(t)) {
    const auto encoding = btf_int_encoding(t);
    type.type_class = (encoding & BTF_INT_BOOL) != 0 ? TypeClass::boolean
                                                     : TypeClass::integer;
    type.is_signed = (encoding & BTF_INT_SIGNED) != 0;
  } else if (btf_is_any_enum(t)) {
    type.type_class = TypeClass::enumeration;
    type.is_signed = btf_kflag(t);
    add_enumerators(btf, t, type);
  } else if (btf_is_composite(t)) {
    type.type_class = TypeClass::aggregate;
  } else if (btf_is_float(t)) {
    type.type_class = TypeClass::floating;
  }
  return type;
}

// The FUNC named `name` among ids [first, count) of `btf`; 0 if none.
std::uint32_t find_func(const struct btf* btf, std::uint32_t first,
                        std::string_view name) {
  if (first == 1) {
    // vmlinux: libbpf's own search over the whole object.
    const std::string key(name);
    const int id = btf__find_by_name_kind(btf, key.c_str(), BTF_KIND_FUNC);
    return id > 0 ? static_cast<std::uint32_t>(id) : 0;
  }
  const std::uint32_t count = btf__type_cnt(btf);
  for (std::uint32_t id = first; id < count; ++id) {
    const struct btf_type* t = btf__type_by_id(btf, id);
    if (t == nullptr || !btf_is_func(t))
      continue;
    const char* func = btf__name_by_offset(btf, t->name_off);
    if (func != nullptr && name == func)
      return id;
  }
  return 0;
}

} // namespace

void Btf::Free::operator()(struct btf* btf) const {
  btf__free(btf);
}

util::Result<Btf> Btf::parse(std::string data, const Btf* base,
                             std::string_view what) {
  if (data.starts_with(kElfMagic)) {
    auto section = elf_section(data, ".BTF", what);
    if (!section)
      return fail(section.error());
    if (!*section)
      return fail(
          Error{ENOENT, "btf", fmt::format("{}: no .BTF section", what)});
    data = std::move(**section);
  }
  if (data.size() > UINT32_MAX)
    return fail(Error{E2BIG, "btf", fmt::format("{}: BTF too large", what)});

  std::uint32_t first_own_id = 1;
  if (base != nullptr) {
    std::uint32_t base_size = 0;
    const void* base_raw = btf__raw_data(base->get(), &base_size);
    if (base_raw == nullptr)
      return fail(Error{ENOMEM, "btf",
                        fmt::format("{}: cannot read the base BTF", what)});
    auto merged = merge_split_btf(
        std::string_view(static_cast<const char*>(base_raw), base_size), data);
    if (!merged)
      return fail(Error{merged.error().code, "btf",
                        fmt::format("{}: {}", what, merged.error().message)});
    data = std::move(merged.value());
    first_own_id = btf__type_cnt(base->get());
  }

  // btf__new() copies the bytes.
  struct btf* btf =
      btf__new(data.data(), static_cast<std::uint32_t>(data.size()));
  if (btf == nullptr) {
    const int code = errno;
    return fail(
        Error{code, "btf",
              fmt::format("parse BTF of {}: {}", what, std::strerror(code))});
  }
  return Btf(btf, first_own_id);
}

std::string_view type_class_name(TypeClass type_class) {
  switch (type_class) {
  case TypeClass::void_type:
    return "void";
  case TypeClass::pointer:
    return "pointer";
  case TypeClass::boolean:
    return "bool";
  case TypeClass::integer:
    return "integer";
  case TypeClass::enumeration:
    return "enum";
  case TypeClass::aggregate:
    return "struct";
  case TypeClass::floating:
    return "float";
  case TypeClass::other:
    break;
  }
  return "other";
}

std::optional<ReturnType> find_return_type(const Btf& btf,
                                           std::string_view name) {
  const struct btf* raw = btf.get();
  const std::uint32_t func = find_func(raw, btf.first_own_id(), name);
  if (func == 0)
    return std::nullopt;
  const struct btf_type* proto =
      btf__type_by_id(raw, btf__type_by_id(raw, func)->type);
  if (proto == nullptr || !btf_is_func_proto(proto))
    return std::nullopt;
  return classify(raw, proto->type);
}

} // namespace killswitch::analysis
