// NameError and AttributeError as CPython 3.11 words them, with its "Did you mean" suggestion
// (the closest name by Levenshtein distance, as Python/suggestions.c computes it).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "frame.hpp"
#include "runtime.hpp"

namespace asyncrace::python {

[[noreturn]] void throw_attribute_error(interpreter& in, const value& obj, str_object* name);
// The suggestion for `name` among `candidates`, or empty (suggestions.c's rules).
std::string closest_name(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace asyncrace::python
