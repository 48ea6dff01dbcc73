// What the asyncio files that wrap a scheduler object share: the C++ object inside a Python
// object, checked as `self`; awaitables of None; a Python exception as a C++ exception_ptr (for
// the scheduler's __aexit__ forms); registering the files into the module.
#pragma once

#include <exception>
#include <string>

#include "coroutine.hpp"
#include "interpreter.hpp"

namespace asyncrace::python {

// The object `self` (args[0]) of a method of a native type, recognised by its type's repr slot
// (one function per type: no per-interpreter registry needed).
template <class T>
T& native_self(interpreter& in, const call_args& a, std::string (*repr_slot)(interpreter&, const value&),
               const char* type) {
  if (a.npos < 1 || !a.args[0].is_object() || a.args[0].obj()->type->slots.repr != repr_slot)
    throw_error(in, in.types.TypeError, std::string("descriptor requires a '") + type + "' object");
  return *static_cast<T*>(a.args[0].obj());
}

// An awaitable that gives None at once (CPython's `async def __aexit__(...): return None`).
value none_awaitable(interpreter& in, std::string name);
// `raise exc` as a C++ exception_ptr (raised / raised_cancel): what the scheduler's context
// managers take as the block's error.
std::exception_ptr as_exception_ptr(const value& exc);

// Each file adds its names to the asyncio module.
void fill_asyncio_sync(interpreter& in, module_object& m);       // Event, Lock, Semaphore, ...
void fill_asyncio_queues(interpreter& in, module_object& m);     // Queue, PriorityQueue, LifoQueue
void fill_asyncio_timeouts(interpreter& in, module_object& m);   // timeout, wait_for, shield
void fill_asyncio_taskgroup(interpreter& in, module_object& m);  // TaskGroup
void fill_asyncio_wait(interpreter& in, module_object& m);       // wait, as_completed
void fill_asyncio_loop(interpreter& in, module_object& m);       // get_running_loop, ...
void fill_asyncio_subprocess(interpreter& in, module_object& m); // create_subprocess_exec
void fill_asyncio_executors(interpreter& in, module_object& m);  // run_in_executor, to_thread, wrap_future (module_concurrent.cpp)

// Adds a method to the loop type (run_in_executor lives with the executors).
void add_loop_method(interpreter& in, module_object& m, std::string_view name, native_fn fn);

}  // namespace asyncrace::python
