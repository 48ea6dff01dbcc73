// asyncio.gather(*tasks) over Tasks that already exist (`await asyncio.gather(*producers)`). As
// CPython's gather does for a future, it wraps nothing: no new Task, each task's completion
// reaches the gather through its own done-callback (so the same loop iterations as in CPython).
// A task listed twice is gathered once, its result given at each place (arg_to_fut).
//
//   std::vector<task_handle<>> producers;  // asyncio.create_task(...) each
//   co_await asyncio::gather(producers);
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "asyncio/gather.hpp"
#include "loop/future_awaiter.hpp"
#include "loop/task_state.hpp"

namespace asyncrace {

// What gather(tasks) returns: the gather over the distinct tasks, and where each argument's
// result comes from. Awaiting it gives one result per argument, in argument order.
template <class T>
class task_list_gather {
 public:
  using result = std::vector<stored_t<T>>;
  task_list_gather(gather_future<result> distinct, std::vector<std::size_t> place)
      : distinct_(std::move(distinct)), place_(std::move(place)) {}

  bool done() const { return distinct_.done(); }
  bool cancel() const { return distinct_.cancel(); }

  struct awaiter_type {
    future_awaiter<result> inner;
    const std::vector<std::size_t>* place;
    bool await_ready() const noexcept { return inner.await_ready(); }
    void await_suspend(coro::coroutine_handle<> h) const { inner.await_suspend(h); }
    result await_resume() const {
      result distinct = inner.await_resume();
      result out;
      out.reserve(place->size());
      for (std::size_t i : *place) out.push_back(distinct[i]);
      return out;
    }
  };
  awaiter_type operator co_await() const noexcept { return {distinct_.operator co_await(), &place_}; }

 private:
  gather_future<result> distinct_;
  std::vector<std::size_t> place_;
};

// `co_await asyncio::gather(tasks)` → std::vector of results, one per element of `tasks`.
template <class T>
task_list_gather<T> gather(const std::vector<task_handle<T>>& tasks) {
  using result = std::vector<stored_t<T>>;
  event_loop& loop = *event_loop::current();
  std::vector<future_core*> children;  // distinct, in order of first appearance
  std::vector<std::size_t> place;
  task_id first = no_task;
  for (const task_handle<T>& t : tasks) {
    future_core* f = &t.state();
    std::size_t i = 0;
    while (i < children.size() && children[i] != f) ++i;
    if (i == children.size()) {
      f->add_ref();  // the gather's reference to its child
      children.push_back(f);
      if (first == no_task || t.id() < first) first = t.id();
    }
    place.push_back(i);
  }
  auto* s = new gather_state<result>(loop, std::move(children), first, [](const std::vector<future_core*>& c) {
    result out;
    out.reserve(c.size());
    for (future_core* f : c) out.push_back(static_cast<task_state<T>*>(f)->result());
    return out;
  });
  return task_list_gather<T>(gather_future<result>{ref<gather_state<result>>(s)}, std::move(place));
}

namespace asyncio {
using asyncrace::gather;  // with gather(tasks) among the overloads
}  // namespace asyncio

}  // namespace asyncrace
