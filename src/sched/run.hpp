// asyncio.run(main): main becomes the loop's first Task (Task-1), the loop runs until it is done,
// and its result is returned or its exception rethrown.
#pragma once

#include "event_loop.hpp"
#include "task_state.hpp"

namespace asyncrace {

template <class T>
stored_t<T> run(event_loop& loop, task<T> main) {
  task_handle<T> m = create_task(loop, std::move(main));
  loop.run_until_done(m.state());
  return m.result();
}

template <class T>
stored_t<T> run(task<T> main, const loop_options& options = {}) {
  event_loop loop(options);
  return run(loop, std::move(main));
}

}  // namespace asyncrace
