// CPython's reprs of the values tutorials print: strings and bytes, lists, exceptions, and
// reprlib's 30-character limit (a future's result). The reprs of coroutine objects, futures and
// Tasks read the loop: loop/object_repr.hpp.
#pragma once

#include <exception>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "pyrt/py_format.hpp"

namespace asyncrace {

// The quoted, escaped text of repr(str) and repr(bytes): single quotes unless the text has ' and
// no "; bytes (`escape_non_ascii`) also spell every byte above 0x7f as \xNN.
std::string py_quoted(std::string_view s, bool escape_non_ascii);
// repr(str): single quotes unless the text has ' and no ".
std::string py_repr(std::string_view s);
inline std::string py_repr(const std::string& s) { return py_repr(std::string_view(s)); }
inline std::string py_repr(const char* s) { return py_repr(std::string_view(s)); }
template <class T>
std::string py_repr(const T& v);
template <class T>
std::string py_repr(const std::vector<T>& v) {  // a list
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + py_repr(v[i]);
  return out + "]";
}
template <class... T>
std::string py_repr(const std::tuple<T...>& t) {  // gather's results: a list in Python
  std::string out = "[";
  std::apply([&](const auto&... e) { ((out += (out.size() > 1 ? ", " : "") + py_repr(e)), ...); }, t);
  return out + "]";
}
template <class T>
std::string py_repr(const T& v) {
  if constexpr (requires { py_str(v); })
    return py_str(v);
  else
    return "<object>";
}
// reprlib.repr: a long repr keeps its ends around "...".
std::string reprlib_repr(std::string full_repr);
// repr(exception): "ValueError('bad')".
std::string exception_repr(const std::exception_ptr& e);

}  // namespace asyncrace
