#include "policy/version.h"

#include <cctype>
#include <charconv>

#include <fmt/format.h>

namespace killswitch::policy {
namespace {

using util::Error;
using util::fail;

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Takes a decimal number off the front of `text`.  Leading zeros are
// refused ("6.01" is not a version anyone writes), except a lone 0.
std::optional<unsigned> take_number(std::string_view& text) {
  std::size_t len = 0;
  while (len < text.size() && is_digit(text[len]))
    ++len;
  if (len == 0 || (len > 1 && text.front() == '0'))
    return std::nullopt;

  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + len, value);
  if (ec != std::errc() || end != text.data() + len)
    return std::nullopt;
  text.remove_prefix(len);
  return value;
}

bool take(std::string_view& text, std::string_view prefix) {
  if (!text.starts_with(prefix))
    return false;
  text.remove_prefix(prefix.size());
  return true;
}

// major.minor[.patch][(-|~)rcN] off the front of `text`; `text` keeps what
// follows.
std::optional<KernelVersion> take_version(std::string_view& text) {
  KernelVersion v;
  auto major = take_number(text);
  if (!major || !take(text, "."))
    return std::nullopt;
  auto minor = take_number(text);
  if (!minor)
    return std::nullopt;
  v.major = *major;
  v.minor = *minor;

  std::string_view rest = text;
  if (take(rest, ".")) {
    if (auto patch = take_number(rest)) {
      v.patch = *patch;
      text = rest;
    }
  }
  rest = text;
  if (v.patch == 0 && (take(rest, "-rc") || take(rest, "~rc"))) {
    if (auto rc = take_number(rest); rc && *rc > 0) {
      v.rc = *rc;
      text = rest;
    }
  }
  return v;
}

} // namespace

std::string KernelVersion::to_string() const {
  if (rc != 0)
    return fmt::format("{}.{}-rc{}", major, minor, rc);
  return fmt::format("{}.{}.{}", major, minor, patch);
}

std::strong_ordering
KernelVersion::operator<=>(const KernelVersion& other) const {
  if (auto c = major <=> other.major; std::is_neq(c))
    return c;
  if (auto c = minor <=> other.minor; std::is_neq(c))
    return c;
  if (auto c = patch <=> other.patch; std::is_neq(c))
    return c;
  // A release candidate comes before its release: rc 0 counts as infinite.
  if (rc == other.rc)
    return std::strong_ordering::equal;
  if (rc == 0)
    return std::strong_ordering::greater;
  if (other.rc == 0)
    return std::strong_ordering::less;
  return rc <=> other.rc;
}

util::Result<KernelVersion> parse_version(std::string_view text) {
  std::string_view rest = text;
  auto v = take_version(rest);
  if (!v || !rest.empty())
    return fail(Error::invalid(
        fmt::format("invalid kernel version '{}': expected MAJOR.MINOR[.PATCH] "
                    "or MAJOR.MINOR-rcN, e.g. 6.1.130",
                    text)));
  return *v;
}

std::optional<KernelVersion> leading_version(std::string_view text) {
  return take_version(text);
}

} // namespace killswitch::policy
