// Python's format-spec mini-language — format(x, spec), f"{x:spec}", str.format — for ints,
// floats and strings, shared by the C++ tutorials and the interpreter:
//   [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
// Malformed specs throw py_exception("ValueError", CPython's message).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace asyncrace {

struct format_spec {
  std::string fill;          // one code point (UTF-8); empty: a space, or '0' from the 0 flag
  char align = 0;            // '<', '>', '^', '=' or 0 (the type's default)
  char sign = 0;             // '+', '-', ' ' or 0
  bool coerce_zero = false;  // 'z': -0.0 prints as 0.0
  bool alternate = false;    // '#'
  int width = -1;
  char grouping = 0;         // ',' or '_' (every four digits in b/o/x/X)
  int precision = -1;
  char type = 0;

  // Float presentation types (an int formatted with one of them is converted to float first).
  bool float_type() const;
  // The base an int's digits are spelled in for this type (10 for 'c' too).
  int int_base() const;
};

// Parses `spec`; `default_type` is the type's own ('d' for int, 's' for str, 0 for float) and
// `type_name` names it in error messages.
format_spec parse_format_spec(std::string_view spec, char default_type, std::string_view type_name);

// format(n, spec) for an int whose magnitude is `digits` in spec.int_base() (lowercase), or
// the character itself (UTF-8) for type 'c'. Validates the spec for an int.
std::string py_format_int(const format_spec& spec, bool negative, std::string_view digits);
// format(x, spec) for a float (also ints with a float presentation type).
std::string py_format_float(const format_spec& spec, double x);
// format(s, spec) for a str.
std::string py_format_str(const format_spec& spec, std::string_view s);

// Conveniences for C++ callers: format(x, "…").
std::string py_format(double x, std::string_view spec);
std::string py_format(std::int64_t n, std::string_view spec);
std::string py_format(std::string_view s, std::string_view spec);

// The number of code points of UTF-8 text (what a width counts).
std::size_t utf8_length(std::string_view s);
// One code point in UTF-8 (surrogates are written as their three bytes, as Python's str holds them).
std::string utf8_encode(std::uint32_t code_point);

}  // namespace asyncrace
