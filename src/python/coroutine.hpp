// Python coroutines on the scheduler. A coroutine object made by calling an `async def` holds its
// frame; awaiting it, or wrapping it in a Task, makes ONE scheduler coroutine (task<value>) that
// runs the frame until it awaits, co_awaits what it awaits (another coroutine inline, a Task, a
// Future, a sleep ...), and resumes the frame with the result. Natively implemented awaitables
// (asyncio.sleep(1), queue.get(), ...) are coroutine objects holding a C++ task<value> instead.
#pragma once

#include <string>

#include "object.hpp"
#include "loop/task.hpp"

namespace asyncrace::python {

struct coroutine_object : object {
  std::string name;       // __name__ ("sleep", "main")
  std::string qualname;   // __qualname__: what reprs show (outlives `native`, which names itself by it)
  value frame_v;          // a Python coroutine's frame; empty for a native one
  task<value> native;     // a native coroutine's body
  bool started = false;   // awaited or wrapped in a Task: it will never warn
  ~coroutine_object() override;
};

// The scheduler coroutine that runs `coro` (it is marked started; a second take raises
// "RuntimeError: cannot reuse already awaited coroutine").
task<value> take_coroutine(interpreter& in, const value& coro);
// A native coroutine object around a C++ body, named as CPython names the coroutine function.
value make_native_coroutine(interpreter& in, task<value> body, std::string name);
// A Python coroutine object for a frame of an `async def`.
value make_python_coroutine(interpreter& in, value frame_v);
bool is_coroutine(const value& v);
// A native body that returns None at once (aclose() and other no-op awaitables).
task<value> task_returning_none();

// An async generator's next step as an awaitable (`__anext__()`): runs its frame until it yields
// (the value) or returns (StopAsyncIteration).
value asyncgen_anext(interpreter& in, const value& gen);
// anext(it) / anext(it, default) (`fallback` empty when not given): an awaitable of the next item.
value anext_awaitable(interpreter& in, const value& it, const value& fallback);

}  // namespace asyncrace::python
