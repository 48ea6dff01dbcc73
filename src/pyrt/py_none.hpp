// Python's None as a C++ value: what a coroutine returning void yields (gather of void tasks), and
// what str() prints as "None".
#pragma once

#include <type_traits>

namespace asyncrace {

struct none_t {
  friend bool operator==(none_t, none_t) { return true; }
};
// The value a T-returning call stores: T itself, or None for void.
template <class T>
using stored_t = std::conditional_t<std::is_void_v<T>, none_t, T>;

}  // namespace asyncrace
