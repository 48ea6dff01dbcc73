// repr() of a tuple, as an f-string shows one: f"part2{n, arg}" prints part2(3, 'result3-1'), which
// is "part2" + py_tuple_repr(n, arg). A 1-tuple keeps its comma: (3,).
#pragma once

#include <string>

#include "pyrt/py_repr.hpp"

namespace asyncrace {

template <class... A>
std::string py_tuple_repr(const A&... items) {
  std::string out = "(";
  [[maybe_unused]] const char* sep = "";  // (unused by the empty tuple)
  ((out += sep, out += py_repr(items), sep = ", "), ...);
  return out + (sizeof...(A) == 1 ? ",)" : ")");
}

}  // namespace asyncrace
