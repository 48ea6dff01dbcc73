// A pending Task's await chain, as CPython 3.14's `asyncio pstree` shows it: the coroutine frames
// from the Task's root coroutine inward, each with its function and the Python line where it is
// suspended, and what the innermost one awaits (a sleep and its deadline, another Task, a gather,
// a future: a lock's, a queue's, an event's or an executor job's, named by the library frame
// that awaits it, e.g. `acquire`, `get`, `to_thread`).
//
// The frames are found by walking promise_base::callee from the root (task.hpp): the link is set
// when a coroutine awaits another inline and cleared when it resumes, so the walk costs one step
// per frame and the scheduler pays one pointer store per inline await. An interpreted program's
// Python frames are scheduler coroutines too (python/coroutine.cpp), named by their qualname and
// holding their Python line, so both kinds of program give the same chains.
//
// The data types (await_frame, await_chain, task_chain) are plain values in observer.hpp: the loop
// builds them (event_loop, for observers that want iterations) and the trace stores them
// (trace/loop_steps.hpp); views read them from there.
#pragma once

#include "loop/observer.hpp"

namespace asyncrace {

class task_driver;
class python_source;

// A Task's chain now. `src` maps C++ lines to Python lines (null: every line is 0). Call it
// between steps (while the task is suspended): during its own step the frames are moving.
await_chain build_await_chain(const task_driver& task, const python_source* src);

}  // namespace asyncrace
