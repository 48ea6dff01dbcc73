// format(x, spec) of the builtin types through the shared format-spec engine
// (pyrt/py_format_spec.hpp), its ValueErrors raised as Python exceptions.
#pragma once

#include <string>
#include <string_view>

#include "runtime.hpp"

namespace asyncrace::python {

std::string format_int(interpreter&, const value& n, std::string_view spec);  // int and bool
std::string format_float(interpreter&, double x, std::string_view spec);
std::string format_str(interpreter&, std::string_view s, std::string_view spec);
// Raises the Python exception named by a sched-level py_exception (ValueError, OverflowError, ...).
[[noreturn]] void raise_as_python(interpreter&, const py_exception& e);

}  // namespace asyncrace::python
