// The bytecode evaluator. A call of a Python function from Python code pushes a frame and goes on
// in the same C++ loop (no C++ recursion, as CPython 3.11), so module code can stop at a call of
// asyncio.run deep inside plain functions, and generators and coroutines stop at yield and await.
#pragma once

#include <exception>

#include "frame.hpp"
#include "runtime.hpp"

namespace asyncrace::python {

enum class exec_status : std::uint8_t {
  returned,      // value: the base frame's return value
  yielded,       // value: what a generator yielded
  awaiting,      // value: the awaitable an `await` waits for (the frame resumes with its result)
  run_request,   // module code called asyncio.run: the driver runs it, then resumes the frame
  preempted,     // the page's slice of instructions ran out (slices.hpp): run_frame goes on later
};
struct exec_result {
  exec_status status;
  value v;
};

// Runs `f` until its base frame returns, yields or awaits (or, as the preemptible frame, until the
// slice ends: run_frame again goes on from the same instruction). An exception that leaves the base
// frame is thrown (as `raised` / `raised_cancel`).
exec_result run_frame(interpreter& in, frame& f);
// Resumes a frame stopped at yield/await with the value sent in, or with an exception raised at
// the point where it stopped.
exec_result resume_frame(interpreter& in, frame& f, value sent);
exec_result throw_into_frame(interpreter& in, frame& f, value exc);

// A new frame for calling `fn` with `args` (CPython's argument binding and its TypeErrors).
value make_frame(interpreter& in, function_object& fn, const call_args& args);
// Calls a Python function from C++ and runs it to its end (a nested run).
value call_function(interpreter& in, function_object& fn, const call_args& args);

// The Python exception object for any C++ exception (a raised one, a scheduler's CancelledError,
// a std::bad_alloc, ...); rethrows what Python cannot catch (limits, deadlocks).
value to_python_exception(interpreter& in, std::exception_ptr e);

// The interpreter's frame stack (innermost running frame), for tracebacks and warnings' lines.
frame* running_frame();
unsigned running_line();

}  // namespace asyncrace::python
