// asyncio's Future and Task as Python objects around the scheduler's own: a Task made by
// asyncio.create_task in an interpreted program is the same task_state a C++ tutorial's is, so
// the loop, the trace and the race diagram see no difference.
#pragma once

#include "object.hpp"
#include "loop/future_handle.hpp"
#include "loop/observer.hpp"
#include "loop/task_state.hpp"

namespace asyncrace::python {

struct future_obj : object {
  future_handle<value> f;     // a Future, a Task, or a gather's future
  task_handle<value> task;    // set for a Task
  wait_target why;            // what a task awaiting it is said to wait for (traces)
  value coro;                 // a Task's coroutine object (Task.get_coro), when made from one
  bool task_made = false;     // `task` is set
  bool is_task() const { return task_made; }
  ~future_obj() override;
};

// The future_obj behind a Future/Task value, or null.
future_obj* as_future(const value& v);
// A Task object for a new task running `coro` (a coroutine object) on the running loop.
value make_task(interpreter& in, const value& coro, const value& name);
// take_coroutine for a Task: the coroutine named by an interned name, which outlives the object.
task<value> task_coroutine(interpreter& in, const value& coro);
// The Task object of a task made elsewhere (TaskGroup.create_task); name None/empty: Task-N.
value make_task_object(interpreter& in, task_handle<value> h, const value& name);
// Counts a new task against the task limit (limit_reached beyond it).
void count_new_task(interpreter& in);
// A Future object around an existing scheduler future (gathers, shields, run_in_executor).
value make_future(interpreter& in, future_handle<value> f, wait_target why);

}  // namespace asyncrace::python
