// asyncio.run(main): main becomes the loop's first Task (Task-1), the loop runs until it is done,
// the tasks it left behind are cancelled and run to their end, and main's result is returned or
// its exception rethrown (see runner.hpp).
#pragma once

#include "asyncio/runner.hpp"
#include "loop/event_loop.hpp"
#include "loop/task_state.hpp"

namespace asyncrace {

template <class T>
stored_t<T> run(event_loop& loop, task<T> main) {
  runner r(loop);
  task_handle<T> m = r.start(std::move(main));
  while (r.step()) loop.refuse_to_block();
  return m.result();
}

// loop.run_until_complete(fut): runs the loop until the task is done (including the iteration
// of its stop callback) and returns its result; no shutdown, other tasks stay as they are.
template <class T>
stored_t<T> run_until_complete(event_loop& loop, const task_handle<T>& t) {
  loop.run_until_done(t.state());
  return t.result();
}
template <class T>
stored_t<T> run_until_complete(event_loop& loop, task<T> coro) {
  return run_until_complete(loop, create_task(loop, std::move(coro)));  // ensure_future
}

template <class T>
stored_t<T> run(task<T> main, const loop_options& options = {}) {
  event_loop loop(options);
  return run(loop, std::move(main));
}

}  // namespace asyncrace
