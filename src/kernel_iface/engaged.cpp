#include "kernel_iface/engaged.h"

#include <algorithm>

#include <fmt/format.h>

#include "retval/retval.h"
#include "util/text.h"

namespace killswitch::kernel_iface {
namespace {

using util::Error;
using util::fail;

Error bad_line(std::size_t number, std::string_view why) {
  return Error::invalid(fmt::format("engaged, line {}: {}", number, why));
}

// Stores one known field; returns false for keys it does not know.
util::Result<bool> store_known(Engagement& e, std::string_view key,
                               std::string_view value) {
  if (key == "retval") {
    auto v = retval::parse_number(value);
    if (!v)
      return fail(v.error());
    e.retval = *v;
    return true;
  }
  if (key == "hits") {
    auto v = util::parse_u64(value);
    if (!v)
      return fail(Error::invalid(fmt::format("not a count: '{}'", value)));
    e.hits = *v;
    return true;
  }
  if (key == "state") {
    e.state = value;
    return true;
  }
  return false;
}

util::Result<Engagement> parse_line(std::string_view line, std::size_t number) {
  const auto words = util::split_words(line);
  std::vector<std::string_view> seen;
  Engagement e;

  e.symbol = words.front();
  for (std::size_t i = 1; i < words.size(); ++i) {
    const auto eq = words[i].find('=');
    if (eq == 0 || eq == std::string_view::npos)
      return fail(bad_line(
          number, fmt::format("'{}' is not a key=value field", words[i])));
    const auto key = words[i].substr(0, eq);
    const auto value = words[i].substr(eq + 1);
    if (std::find(seen.begin(), seen.end(), key) != seen.end())
      return fail(bad_line(number, fmt::format("{}= given twice", key)));
    seen.push_back(key);

    auto known = store_known(e, key, value);
    if (!known)
      return fail(bad_line(number, known.error().message));
    if (!*known)
      e.extra.emplace_back(key, value);
  }
  for (const std::string_view required : {"retval", "hits"}) {
    if (std::find(seen.begin(), seen.end(), required) == seen.end())
      return fail(bad_line(number, fmt::format("no {}= field", required)));
  }
  return e;
}

} // namespace

util::Result<std::vector<Engagement>> parse_engaged(std::string_view text) {
  std::vector<Engagement> out;
  std::size_t number = 0;

  for (const auto line : util::split_lines(text)) {
    ++number;
    if (util::trim(line).empty())
      continue;
    auto e = parse_line(util::trim(line), number);
    if (!e)
      return fail(e.error());
    out.push_back(std::move(*e));
  }
  return out;
}

} // namespace killswitch::kernel_iface
