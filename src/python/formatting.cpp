#include "formatting.hpp"

#include "interpreter.hpp"
#include "numbers.hpp"
#include "pyrt/py_format_spec.hpp"

namespace asyncrace::python {

void raise_as_python(interpreter& in, const py_exception& e) {
  for (type_object* t : {in.types.ValueError, in.types.OverflowError, in.types.TypeError, in.types.MemoryError,
                         in.types.IndexError, in.types.KeyError, in.types.ZeroDivisionError})
    if (t->name == e.type()) throw_error(in, t, e.what());
  throw_error(in, in.types.RuntimeError, e.python_text());
}

std::string format_int(interpreter& in, const value& n, std::string_view spec) {
  if (spec.empty()) return n.is_bool() ? (n.as_bool() ? "True" : "False") : int_repr(n);
  try {
    const format_spec f = parse_format_spec(spec, 'd', "int");
    if (f.float_type()) return py_format_float(f, to_double(in, n));
    const bigint v = to_bigint(n);
    return py_format_int(f, v.negative(), v.abs().to_string(f.int_base()));
  } catch (const py_exception& e) {
    raise_as_python(in, e);
  }
}

std::string format_float(interpreter& in, double x, std::string_view spec) {
  try {
    return py_format_float(parse_format_spec(spec, 0, "float"), x);
  } catch (const py_exception& e) {
    raise_as_python(in, e);
  }
}

std::string format_str(interpreter& in, std::string_view s, std::string_view spec) {
  if (spec.empty()) return std::string(s);
  try {
    return py_format_str(parse_format_spec(spec, 's', "str"), s);
  } catch (const py_exception& e) {
    raise_as_python(in, e);
  }
}

}  // namespace asyncrace::python
