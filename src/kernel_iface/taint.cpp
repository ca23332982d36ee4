#include "kernel_iface/taint.h"

#include <fmt/format.h>

#include "util/text.h"

namespace killswitch::kernel_iface {

using util::Error;
using util::fail;

util::Result<bool> parse_taint_flag(std::string_view text) {
  const auto flag = util::trim(text);
  if (flag == "0")
    return false;
  if (flag == "1")
    return true;
  return fail(
      Error::invalid(fmt::format("taint: expected 0 or 1, read '{}'", flag)));
}

util::Result<std::uint64_t> parse_taint_mask(std::string_view text) {
  const auto digits = util::trim(text);
  auto mask = util::parse_u64(digits);
  if (!mask)
    return fail(Error::invalid(
        fmt::format("tainted: expected a decimal mask, read '{}'", digits)));
  return *mask;
}

} // namespace killswitch::kernel_iface
