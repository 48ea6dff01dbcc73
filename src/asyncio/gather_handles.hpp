// asyncio.gather(t1, t2) over Tasks named one by one (`t1 = asyncio.create_task(task1())`): no new
// Task per child, the Tasks themselves are the gather's children, each one's completion reaching
// the gather through its own done-callback, as in CPython. (For a std::vector of Tasks,
// `gather(*tasks)`, see gather_tasks.hpp.)
//
//   auto t1 = asyncio::create_task(task1());
//   auto t2 = asyncio::create_task(task2());
//   co_await asyncio::gather(t1, t2);          // std::tuple of their results
//
//   std::array tasks{asyncio::create_task(a()), asyncio::create_task(b())};
//   co_await asyncio::gather(tasks);           // gather(*tasks): std::array of their results
//
// A Task passed twice is gathered once, its result at both places (gather_state.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <tuple>
#include <utility>
#include <vector>

#include "asyncio/gather.hpp"
#include "loop/task_state.hpp"

namespace asyncrace {

// `co_await asyncio::gather(t1, t2)` → std::tuple of results (none_t for void).
template <class... T>
  requires(sizeof...(T) > 0)
auto gather(const task_handle<T>&... tasks) {
  using result = std::tuple<stored_t<T>...>;
  const gather_args children{gather_child{&tasks.state(), tasks.id()}...};
  return gather_future<result>{make_gather<result>(*event_loop::current(), children, [](const gather_futures& c) {
    return detail::collect_tuple<T...>(c, std::index_sequence_for<T...>{});
  })};
}

// `co_await asyncio::gather(tasks)` over a std::array of Tasks (Python's gather(*tasks) over a
// list made in one expression) → std::array of results.
template <class T, std::size_t N>
  requires(N > 0)
auto gather(const std::array<task_handle<T>, N>& tasks) {
  using result = std::array<stored_t<T>, N>;
  gather_args children;
  for (const task_handle<T>& t : tasks) children.push_back({&t.state(), t.id()});
  return gather_future<result>{make_gather<result>(*event_loop::current(), children, [](const gather_futures& c) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      return result{static_cast<task_state<T>*>(c[I])->result()...};
    }(std::make_index_sequence<N>{});
  })};
}

namespace asyncio {
using asyncrace::gather;  // with gather(t1, t2) among the overloads
}  // namespace asyncio

}  // namespace asyncrace
