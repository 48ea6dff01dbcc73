// \N{NAME} escapes without Unicode's 30,000-name table: the names learners write — Latin and
// Greek letters, digits, CJK ideographs by code, and a short list of common symbols. Any other
// name is "unknown Unicode character name", as CPython says for a misspelt one.
#pragma once

#include <string_view>

namespace asyncrace::python {

// The code point named `name` (case-insensitive), or -1.
long code_point_named(std::string_view name);

}  // namespace asyncrace::python
