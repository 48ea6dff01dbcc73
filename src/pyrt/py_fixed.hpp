// A float in an f-string with a fixed-point spec: f"{x:.3f}" is py_fixed(x, 3).
#pragma once

#include <string>

namespace asyncrace {

// format(x, f".{precision}f"): correctly rounded, as CPython's (nan, inf and -0.000 included).
std::string py_fixed(double x, int precision);

}  // namespace asyncrace
