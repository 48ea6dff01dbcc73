// What the str and bytes types share with the rest of the runtime: reading a str value's text,
// code points of UTF-8 text, and CPython's string hash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interpreter.hpp"

namespace asyncrace::python {

inline str_object* as_str(const value& v) { return static_cast<str_object*>(v.obj()); }
inline bool is_str(interpreter& in, const value& v) { return v.is_object() && v.obj()->type->is_subtype_of(in.types.str); }
// The text of a str argument, or TypeError "<what> must be str, not int".
const std::string& str_arg(interpreter&, const value& v, std::string_view what);

// UTF-8 code points.
std::uint32_t utf8_decode(std::string_view s, std::size_t& pos);  // reads one, advances pos
std::string utf8_char(std::uint32_t code_point);
// The byte offset of code point `index` (the index itself for ASCII text).
std::size_t utf8_offset(const str_object& s, std::size_t index);
// A str of code points [start, stop) of s.
value str_slice_range(interpreter&, const str_object& s, std::size_t start, std::size_t stop);

// hash(str) and hash(bytes) as CPython computes them with PYTHONHASHSEED=0 (siphash13 with a zero
// key over the string's internal representation), so sets of str iterate in CPython's order.
std::int64_t hash_bytes(std::string_view data);
std::int64_t str_hash(str_object& s);
// repr(str) with CPython's quoting.
std::string str_repr(std::string_view s);

// Unicode character classes for the common scripts (ASCII, Latin-1, Greek, Cyrillic).
bool is_space_cp(std::uint32_t c);
bool is_alpha_cp(std::uint32_t c);
bool is_digit_cp(std::uint32_t c);
bool is_upper_cp(std::uint32_t c);
bool is_lower_cp(std::uint32_t c);
std::uint32_t to_upper_cp(std::uint32_t c);
std::uint32_t to_lower_cp(std::uint32_t c);

void install_str_methods(interpreter&);
void install_str_format(interpreter&);
void install_str_case(interpreter&);
void install_bytes_type(interpreter&);
// "{} {}".format(...) and str % args (str_format.cpp).
value str_format_call(interpreter&, const std::string& fmt, const call_args& a, std::size_t first);
value str_percent(interpreter&, const std::string& fmt, const value& args);

}  // namespace asyncrace::python
