#include "analysis/retval_check.h"

#include <cerrno>
#include <limits>

#include <fmt/format.h>

namespace killswitch::analysis {
namespace {

// ERR_PTR() values: the kernel reserves the top MAX_ERRNO addresses.
constexpr std::int64_t kMaxErrno = 4095;

struct Range {
  std::int64_t low;
  std::int64_t high;
};

// The values a signed integer of `size` bytes holds; for unsigned types
// the top of the range is clipped to INT64_MAX, which is as far as a
// RETVAL reaches.
Range signed_range(std::uint32_t size) {
  if (size >= 8)
    return {std::numeric_limits<std::int64_t>::min(),
            std::numeric_limits<std::int64_t>::max()};
  const std::int64_t half = std::int64_t{1} << (8 * size - 1);
  return {-half, half - 1};
}

Range unsigned_range(std::uint32_t size) {
  if (size >= 8)
    return {0, std::numeric_limits<std::int64_t>::max()};
  return {0, (std::int64_t{1} << (8 * size)) - 1};
}

// What a caller reading `size` bytes of %rax sees for a negative `value`.
std::uint64_t as_unsigned(std::int64_t value, std::uint32_t size) {
  const auto bits = static_cast<std::uint64_t>(value);
  return size >= 8 ? bits : bits & ((std::uint64_t{1} << (8 * size)) - 1);
}

void check_void(std::optional<std::int64_t> retval, std::vector<Finding>& out) {
  out.push_back({Level::ok, "void-body-skipped",
                 "void function: engaging skips its whole body, so whatever "
                 "it does (freeing, unlocking, waking, accounting) does not "
                 "happen and callers carry on as if it had"});
  if (retval && *retval != 0)
    out.push_back({Level::refuse, "retval-void",
                   fmt::format("RETVAL {} for a void function: it must be 0 "
                               "or omitted",
                               *retval)});
}

void check_pointer(const ReturnType& type, std::optional<std::int64_t> retval,
                   std::vector<Finding>& out) {
  out.push_back(
      {Level::warn, "retval-pointer",
       fmt::format("returns a pointer ({}): only NULL (0) or an ERR_PTR "
                   "(-4095..-1) make sense, and whether callers check for "
                   "NULL, IS_ERR() or both cannot be known here; a caller "
                   "checking the other one dereferences the value",
                   type.spelling)});
  if (retval && *retval != 0 && (*retval < -kMaxErrno || *retval > -1))
    out.push_back({Level::refuse, "retval-range",
                   fmt::format("RETVAL {} for a pointer is neither NULL nor an "
                               "ERR_PTR: callers would dereference it",
                               *retval)});
}

void check_integer(const ReturnType& type, std::int64_t value,
                   std::vector<Finding>& out) {
  const Range range =
      type.is_signed ? signed_range(type.size) : unsigned_range(type.size);
  if (value >= range.low && value <= range.high)
    return;
  if (!type.is_signed && value < 0 && value >= signed_range(type.size).low) {
    out.push_back(
        {Level::warn, "retval-unsigned-negative",
         fmt::format("RETVAL {} for {} ({}-byte unsigned): callers see {:#x} "
                     "({}), not a negative errno, unless they cast it back",
                     value, type.spelling, type.size,
                     as_unsigned(value, type.size),
                     as_unsigned(value, type.size))});
    return;
  }
  out.push_back({Level::refuse, "retval-range",
                 fmt::format("RETVAL {} does not fit {} ({}-byte {}): range "
                             "{}..{}",
                             value, type.spelling, type.size,
                             type.is_signed ? "signed" : "unsigned", range.low,
                             range.high)});
}

void check_enum(const ReturnType& type, std::optional<std::int64_t> retval,
                std::vector<Finding>& out) {
  std::string which;
  if (retval) {
    which = fmt::format(", and {} is not one of its {} values", *retval,
                        type.enumerators.size());
    for (const auto& e : type.enumerators)
      if (e.value == *retval)
        which = fmt::format(" ({} is {})", *retval, e.name);
  }
  out.push_back({Level::warn, "retval-enum",
                 fmt::format("returns {}: callers may switch on it without a "
                             "case for an unexpected value{}",
                             type.spelling, which)});
  if (retval)
    check_integer(type, *retval, out);
}

void check_aggregate(const ReturnType& type, std::vector<Finding>& out) {
  if (type.size <= 8) {
    out.push_back({Level::warn, "retval-struct",
                   fmt::format("returns {} by value ({} bytes, in %rax): "
                               "RETVAL becomes its raw bits",
                               type.spelling, type.size)});
    return;
  }
  out.push_back(
      {Level::refuse, "retval-struct",
       fmt::format("returns {} by value ({} bytes): killswitch sets only "
                   "%rax, so the caller would read the rest uninitialised",
                   type.spelling, type.size)});
}

} // namespace

std::vector<Finding> check_retval(const ReturnType& type,
                                  std::optional<std::int64_t> retval) {
  std::vector<Finding> out;
  switch (type.type_class) {
  case TypeClass::void_type:
    check_void(retval, out);
    break;
  case TypeClass::pointer:
    check_pointer(type, retval, out);
    break;
  case TypeClass::boolean:
    if (retval && *retval != 0 && *retval != 1)
      out.push_back({Level::refuse, "retval-range",
                     fmt::format("RETVAL {} for a bool: only 0 (false) or 1 "
                                 "(true)",
                                 *retval)});
    break;
  case TypeClass::integer:
    if (retval)
      check_integer(type, *retval, out);
    break;
  case TypeClass::enumeration:
    check_enum(type, retval, out);
    break;
  case TypeClass::aggregate:
    check_aggregate(type, out);
    break;
  case TypeClass::floating:
    out.push_back({Level::refuse, "retval-float",
                   fmt::format("returns {} in %xmm0, which killswitch does "
                               "not set",
                               type.spelling)});
    break;
  case TypeClass::other:
    out.push_back({Level::warn, "retval-unknown-type",
                   fmt::format("return type {} is of no kind this check "
                               "knows: RETVAL is not checked",
                               type.spelling)});
    break;
  }
  return out;
}

std::optional<std::int64_t> suggest_retval(const ReturnType& type) {
  switch (type.type_class) {
  case TypeClass::integer:
    return type.is_signed ? -EPERM : 0;
  case TypeClass::void_type:
  case TypeClass::pointer:
  case TypeClass::boolean:
    return 0;
  default:
    return std::nullopt;
  }
}

} // namespace killswitch::analysis
