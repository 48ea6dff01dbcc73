// asyncio.gather(*tasks) over Tasks that already exist (`await asyncio.gather(*producers)`). As
// CPython's gather does for a future, it wraps nothing: no new Task, each task's completion
// reaches the gather through its own done-callback (so the same loop iterations as in CPython).
// A task listed twice is gathered once, its result given at each place (gather_state.hpp).
//
//   std::vector<task_handle<>> producers;  // asyncio.create_task(...) each
//   co_await asyncio::gather(producers);
#pragma once

#include <vector>

#include "asyncio/gather.hpp"
#include "loop/task_state.hpp"

namespace asyncrace {

// `co_await asyncio::gather(tasks)` → std::vector of results, one per element of `tasks`.
template <class T>
gather_future<std::vector<stored_t<T>>> gather(const std::vector<task_handle<T>>& tasks) {
  using result = std::vector<stored_t<T>>;
  gather_args children;
  children.reserve(tasks.size());
  for (const task_handle<T>& t : tasks) children.push_back({&t.state(), t.id()});
  return gather_future<result>{make_gather<result>(*event_loop::current(), children, &detail::collect_vector<T>)};
}

namespace asyncio {
using asyncrace::gather;  // with gather(tasks) among the overloads
}  // namespace asyncio

}  // namespace asyncrace
