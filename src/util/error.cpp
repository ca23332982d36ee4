#include "util/error.h"

#include <cerrno>
#include <cstring>
#include <utility>

#include <fmt/format.h>

namespace killswitch::util {

Error Error::from_errno(std::string_view op, std::string_view subject) {
  return from_code(errno, op, subject);
}

Error Error::from_code(int code, std::string_view op,
                       std::string_view subject) {
  return Error{code, std::string(op),
               fmt::format("{} {}: {}", op, subject, std::strerror(code))};
}

Error Error::invalid(std::string message) {
  return Error{EINVAL, "parse", std::move(message)};
}

} // namespace killswitch::util
