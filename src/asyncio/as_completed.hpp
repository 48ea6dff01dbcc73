// asyncio.as_completed(coros): awaitables that give the results in completion order, built as
// CPython 3.11 builds it: each finished task is put on a Queue by its done-callback, and each
// awaitable takes the next one off it (so a result costs the same loop iterations as in CPython).
// One difference, on purpose: CPython wraps the coroutines into tasks in the iteration order of a
// set (it hashes by memory address, so effectively arbitrary); here they start in argument order.
//
//   for (auto& next : asyncio::as_completed(std::move(coros))) print(co_await std::move(next));
#pragma once

#include <memory>
#include <vector>

#include "asyncio/queue.hpp"
#include "loop/future_handle.hpp"
#include "loop/task_state.hpp"

namespace asyncrace {

namespace detail {
template <class T>
struct as_completed_state {
  queue<future_handle<T>> done;
  std::vector<future_handle<T>> todo;

  // _on_completion
  static void on_completion(void* arg) {
    auto* link = static_cast<std::pair<as_completed_state*, future_state<T>*>*>(arg);
    as_completed_state& s = *link->first;
    for (auto it = s.todo.begin(); it != s.todo.end(); ++it) {
      if (&it->state() != link->second) continue;
      s.done.put_nowait(*it);
      s.todo.erase(it);
      break;
    }
  }
  std::vector<std::pair<as_completed_state*, future_state<T>*>> links;
};

// _wait_for_one
template <class T>
task<T> wait_for_one(std::shared_ptr<as_completed_state<T>> s) {
  future_handle<T> f = co_await s->done.get();
  co_return f.result();
}
}  // namespace detail

template <class T>
std::vector<task<stored_t<T>>> as_completed(std::vector<task<T>> coros) {
  auto s = std::make_shared<detail::as_completed_state<T>>();
  for (task<T>& c : coros) s->todo.push_back(future_handle<T>(create_task(std::move(c))));
  s->links.reserve(s->todo.size());
  for (future_handle<T>& f : s->todo) {
    s->links.push_back({s.get(), &f.state()});
    f.state().add_done_callback(callback::bind<&detail::as_completed_state<T>::on_completion>(&s->links.back()));
  }
  std::vector<task<stored_t<T>>> next;
  for (std::size_t i = 0; i < s->todo.size(); ++i) next.push_back(detail::wait_for_one<T>(s));
  return next;
}

}  // namespace asyncrace
