#include "pyrt/py_fixed.hpp"

#include <cmath>
#include <cstdio>
#include <vector>

namespace asyncrace {

std::string py_fixed(double x, int precision) {
  if (std::isnan(x)) return "nan";  // printf would write "-nan" for a negative NaN
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  // glibc's and musl's %f round the exact binary value half-to-even, as CPython's dtoa does.
  const int size = std::snprintf(nullptr, 0, "%.*f", precision, x);
  std::vector<char> buf(static_cast<std::size_t>(size) + 1);
  std::snprintf(buf.data(), buf.size(), "%.*f", precision, x);
  return std::string(buf.data(), static_cast<std::size_t>(size));
}

}  // namespace asyncrace
