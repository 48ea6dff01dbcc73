// The pure stdlib modules (module_*.cpp), each registered with the interpreter and made on its
// first import.
#pragma once

#include <string_view>

#include "interpreter.hpp"

namespace asyncrace::python {

void register_math_module(interpreter&);
void register_itertools_module(interpreter&);
void register_functools_module(interpreter&);
void register_operator_module(interpreter&);
void register_collections_module(interpreter&);
void register_string_module(interpreter&);
void register_json_module(interpreter&);
void register_copy_module(interpreter&);
void register_random_module(interpreter&);
void register_os_module(interpreter&);
void register_sys_module(interpreter&);
void register_inspect_module(interpreter&);
void register_contextvars_module(interpreter&);
void register_dataclasses_module(interpreter&);
void register_rich_module(interpreter&);
void register_aiohttp_module(interpreter&);
void register_time_module(interpreter&);        // module_time.cpp
void register_threading_module(interpreter&);   // module_threading.cpp
void register_concurrent_module(interpreter&);  // module_concurrent.cpp: concurrent.futures
void register_cpu_tasks_module(interpreter&);   // module_cpu_tasks.cpp
void register_pickle_module(interpreter&);      // pickling.cpp: _pickle's exception classes
void register_traceback_module(interpreter&);   // module_traceback.cpp

// module.<name> = a native function.
void add_function(interpreter&, module_object& m, std::string_view name, native_fn fn, value data = {});

}  // namespace asyncrace::python
