// Pickling between interpreters: how a ProcessPoolExecutor's call, result and exception travel
// between the program and a worker process (process_pool.hpp), with pickle's rules and messages.
// - By reference (module and qualified name, looked up again on the other side): functions,
//   classes, builtin functions. A lambda or a local function cannot travel: pickle's own
//   PicklingError / AttributeError ("Can't pickle local object 'main.<locals>.f'"), as CPython.
// - By value: None, bool, int (big ones too), float, complex, str, bytes, tuple, list, dict, set,
//   frozenset, range, bound methods (their object and the method's name), exceptions (class and
//   args, then their attributes) and instances of the program's classes (class and __dict__).
//   Shared and cyclic references stay shared (a memo, as pickle's); a set is rebuilt in its
//   iteration order, so it prints as CPython's does.
// - Anything else (coroutines, generators, locks, tasks, files): TypeError("cannot pickle 'X' object").
// The bytes are asyncrace's own format (they never leave the process), not pickle's protocol.
// `__main__` and `__mp_main__` name one module, the running program's, as multiprocessing
// aliases them.
#pragma once

#include <string>
#include <string_view>

#include "interpreter.hpp"

namespace asyncrace::python {

// The bytes of `v`; raises the Python exception pickle.dumps would.
std::string pickle_dump(interpreter& in, const value& v);
// The value again, made in `in`; AttributeError("Can't get attribute 'f' on <module ...>") when a
// reference does not resolve there.
value pickle_load(interpreter& in, std::string_view data);

}  // namespace asyncrace::python
