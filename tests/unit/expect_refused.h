#pragma once

#include <cerrno>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "util/result.h"

namespace killswitch::testing {

// An input a parser must refuse, and a phrase its message must contain.
struct BadInput {
  std::string text;
  const char* reason;
};

// Whether `r` is a grammar error (EINVAL) whose message names `reason`.
template <typename T>
::testing::AssertionResult refused_with(const util::Result<T>& r,
                                        std::string_view reason) {
  if (r)
    return ::testing::AssertionFailure() << "accepted";
  if (r.error().code != EINVAL)
    return ::testing::AssertionFailure() << "errno " << r.error().code;
  if (r.error().message.find(reason) == std::string::npos)
    return ::testing::AssertionFailure()
           << "'" << r.error().message << "' does not say '" << reason << "'";
  return ::testing::AssertionSuccess();
}

} // namespace killswitch::testing
