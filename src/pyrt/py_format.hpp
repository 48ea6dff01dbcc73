// Python's str() of the values tutorials print, so `print("Work complete", num)` and
// `print(elapsed)` read exactly as in CPython.
#pragma once

#include <concepts>
#include <string>
#include <string_view>

#include "pyrt/py_none.hpp"

namespace asyncrace {

// repr(float): the shortest string that round-trips, in CPython's layout ('1.0', '0.58', '1e-05',
// '1e+16', 'inf', 'nan').
std::string py_float_repr(double x);

inline std::string py_str(std::string_view s) { return std::string(s); }
inline std::string py_str(const char* s) { return s; }
inline std::string py_str(const std::string& s) { return s; }
inline std::string py_str(bool b) { return b ? "True" : "False"; }
inline std::string py_str(none_t) { return "None"; }
inline std::string py_str(double x) { return py_float_repr(x); }
template <std::integral I>
  requires(!std::same_as<I, bool> && !std::same_as<I, char>)
std::string py_str(I i) {
  return std::to_string(i);
}

// print(*args): str() of each argument joined by one space (print's default sep).
template <class... A>
std::string py_join(const A&... args) {
  std::string line;
  bool first = true;
  ((line += first ? "" : " ", line += py_str(args), first = false), ...);
  return line;
}

}  // namespace asyncrace
