// CPython's reprs of what tutorials print: strings (with reprlib's 30-character limit in a
// future's result), coroutine objects, futures and Tasks (base_futures / base_tasks).
#pragma once

#include <exception>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "future.hpp"
#include "py_format.hpp"

namespace asyncrace {

class task_driver;

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

// "<coroutine object do_some_work at 0x...>" (the address is shown normalised, as the golden
// transcripts record it).
std::string coroutine_repr(std::string_view qualname);

// "<Future pending cb=[Task.task_wakeup()]>" and the like.
std::string future_repr(const future_core& f, std::string_view class_name = "Future");

// "<Task pending name='Task-2' coro=<example_future() running at reprs.py:4> wait_for=<…>>";
// `result` is the repr of its result (used when it finished with one).
std::string task_repr(const task_driver& d, const std::string& result);

}  // namespace asyncrace
