// What the files of the asyncio module share: the Task object of a running task, the module being
// filled, and small argument helpers.
#pragma once

#include <cstdint>
#include <exception>
#include <string_view>
#include <vector>

#include "object.hpp"
#include "loop/task_driver.hpp"

namespace asyncrace::python {

// The Task object for a scheduler task (one per task, made on first request: the main task of
// asyncio.run has none until asyncio.current_task() asks).
void remember_task(interpreter& in, const task_driver& d, const value& task);
value task_object_for(interpreter& in, task_driver& d);
void forget_task(interpreter& in, const task_driver& d);
// A callback the loop ran raised: asyncio's "Exception in callback ..." with its traceback, on
// stderr (asyncio_callback_log.cpp).
void log_callback_exception(interpreter& in, const value& fn, const std::vector<value>& args, std::exception_ptr error);
// A future of the program's loop died holding an exception nobody retrieved: asyncio's "Task
// exception was never retrieved" log (event_loop::set_unretrieved_handler).
void log_unretrieved_exception(future_core& f);

// CPython counts every frame on the stack against the recursion limit, the module's and
// asyncio's too (program_run.cpp): the depth of a Task's coroutine frame (10 under a module-level
// asyncio.run: the module, 7 Python frames of asyncio and 2 C calls, then the coroutine; 8 under
// loop.run_until_complete) and of a function the loop calls back (9; 7).
std::uint32_t task_frame_depth();
std::uint32_t callback_frame_depth();

// Keyword argument `name` of a call, or empty.
value keyword_arg(const call_args& a, std::string_view name);
// A number argument as seconds (int or float), with CPython's TypeError otherwise.
double seconds_arg(interpreter& in, const value& v, const char* what);

// Fills the asyncio module (asyncio_module.cpp and the files beside it).
void install_futures(interpreter& in);
void fill_asyncio_module(interpreter& in, module_object& m);

}  // namespace asyncrace::python
