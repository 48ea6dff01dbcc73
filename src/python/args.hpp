// Binding a native's call arguments to its parameters, with CPython's TypeError texts.
#pragma once

#include <initializer_list>
#include <string_view>

#include "runtime.hpp"

namespace asyncrace::python {

// `name() takes no keyword arguments` unless the call has none.
void no_keywords(interpreter&, const call_args& a, std::string_view name);
// Exactly n positional arguments (self excluded by the caller's count): "len() takes exactly one
// argument (2 given)".
void expect_args(interpreter&, const call_args& a, std::string_view name, std::size_t n);
// Between lo and hi positional arguments: "pop expected at most 1 argument, got 2".
void expect_range(interpreter&, const call_args& a, std::string_view name, std::size_t lo, std::size_t hi);
// Binds positional-or-keyword parameters `names` (starting at positional index `first`; earlier
// positionals are the caller's, e.g. self) into `out` (left empty when not given). The first
// `required` of them must be given. Keywords not in `names` raise "'x' is an invalid keyword
// argument for name()".
void bind_args(interpreter&, const call_args& a, std::string_view name, std::size_t first,
               std::initializer_list<std::string_view> names, std::size_t required, value* out);
// The value of a keyword argument, or empty.
value keyword(interpreter&, const call_args& a, std::string_view name);

}  // namespace asyncrace::python
