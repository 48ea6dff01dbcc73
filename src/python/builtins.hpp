// The builtins module's functions, one file per family (builtins_*.cpp), and what they share.
#pragma once

#include <string_view>

#include "interpreter.hpp"

namespace asyncrace::python {

// builtins.<name> = a native function.
void add_builtin(interpreter&, module_object& builtins, std::string_view name, native_fn fn);

void install_numeric_builtins(interpreter&, module_object& builtins);
void install_object_builtins(interpreter&, module_object& builtins);
void install_iteration_builtins(interpreter&, module_object& builtins);
void install_iterator_types(interpreter&, module_object& builtins);

// sorted(iterable, key=, reverse=) as a new list (also used by the stdlib).
value sorted_list(interpreter&, const value& iterable, const value& key, bool reverse);

}  // namespace asyncrace::python
