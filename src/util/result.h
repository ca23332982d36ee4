#pragma once

#include <cstdlib>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

#include "util/error.h"

namespace killswitch::util {

// A stand-in for C++23 std::expected, which gcc 12 does not ship: either a
// value or an error, never both.  Asking a Result for the side it does not
// hold is a programming error and aborts; it never throws (see
// docs/cpp-errors.md).

template <typename E> struct Unexpected { E error; };

template <typename E> Unexpected<std::decay_t<E>> fail(E&& error) {
  return Unexpected<std::decay_t<E>>{std::forward<E>(error)};
}

template <typename T, typename E = Error> class [[nodiscard]] Result {
public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Result(Unexpected<E> e) : v_(std::in_place_index<1>, std::move(e.error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(checked(true)); }
  const T& value() const& { return std::get<0>(checked(true)); }
  T&& value() && { return std::get<0>(std::move(checked(true))); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const E& error() const { return std::get<1>(checked(false)); }

private:
  const std::variant<T, E>& checked(bool want_value) const {
    if (ok() != want_value)
      std::abort();
    return v_;
  }
  std::variant<T, E>& checked(bool want_value) {
    if (ok() != want_value)
      std::abort();
    return v_;
  }

  std::variant<T, E> v_;
};

template <typename E> class [[nodiscard]] Result<void, E> {
public:
  Result() = default;
  Result(Unexpected<E> e) : error_(std::move(e.error)) {}

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }

  const E& error() const {
    if (ok())
      std::abort();
    return *error_;
  }

private:
  std::optional<E> error_;
};

} // namespace killswitch::util
