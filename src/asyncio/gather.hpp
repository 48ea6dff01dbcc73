// asyncio.gather: wraps each coroutine in a Task at once (in argument order) and completes when all
// have, with their results in argument order. The first exception propagates to the awaiter
// unless return_exceptions is given. As in CPython, each child's completion reaches the gather
// through its own done-callback, and the gather's completion reaches its awaiter through another:
// the awaiter resumes two iterations after the last child finished. Cancelling a gather cancels
// every child still running (_GatheringFuture.cancel). The gather itself, and its rule for an
// awaitable passed twice: gather_state.hpp.
#pragma once

#include <tuple>
#include <utility>
#include <vector>

#include <optional>
#include <string>

#include "asyncio/gather_state.hpp"
#include "loop/task_state.hpp"
#include "pyrt/py_exception.hpp"

namespace asyncrace {

// One child's outcome in gather(return_exceptions, ...): its value, or the exception it raised
// (CancelledError for a cancelled child).
template <class T>
struct outcome {
  std::optional<stored_t<T>> value;
  std::exception_ptr error;

  bool ok() const { return !error; }
  // "ValueError: bad after 0.1" for a py_exception, else the C++ what().
  std::string error_text() const {
    try {
      std::rethrow_exception(error);
    } catch (const py_exception& e) {
      return e.python_text();
    } catch (const std::exception& e) {
      return e.what();
    }
  }
};

// Tag: `asyncio::gather(asyncio::return_exceptions, a(), b())`.
struct return_exceptions_t {};
inline constexpr return_exceptions_t return_exceptions{};

namespace detail {
// A fresh Task for one coroutine argument (the gather takes its own reference to it).
template <class T>
gather_child spawn(event_loop& loop, task<T>&& coro) {
  task_handle<T> h = create_task(loop, std::move(coro));
  return {&h.state(), h.id()};
}

template <class... T, std::size_t... I>
std::tuple<stored_t<T>...> collect_tuple(const gather_futures& c, std::index_sequence<I...>) {
  return {static_cast<task_state<T>*>(c[I])->result()...};
}

template <class T>
outcome<T> outcome_of(future_core* f) {
  if (f->cancelled()) return {std::nullopt, std::make_exception_ptr(cancelled_error())};
  if (f->exception()) return {std::nullopt, f->exception()};
  return {static_cast<task_state<T>*>(f)->result(), nullptr};
}

// One result per argument, in order, for a gather over futures of one type (Tasks included).
template <class T>
std::vector<stored_t<T>> collect_vector(const gather_futures& c) {
  std::vector<stored_t<T>> out;
  out.reserve(c.size());
  for (future_core* f : c) out.push_back(static_cast<future_state<T>*>(f)->result());
  return out;
}

template <class... T, std::size_t... I>
std::tuple<outcome<T>...> collect_outcomes(const gather_futures& c, std::index_sequence<I...>) {
  return {outcome_of<T>(c[I])...};
}
}  // namespace detail

// `co_await asyncio::gather(a(), b(), c())` → std::tuple of results (none_t for void).
template <class... T>
auto gather(task<T>... coros) {
  using result = std::tuple<stored_t<T>...>;
  event_loop& loop = *event_loop::current();
  const gather_args children{detail::spawn(loop, std::move(coros))...};
  return gather_future<result>{make_gather<result>(
      loop, children,
      [](const gather_futures& c) { return detail::collect_tuple<T...>(c, std::index_sequence_for<T...>{}); },
      false, gather_children::distinct)};
}

// `co_await asyncio::gather(asyncio::return_exceptions, a(), b())` → std::tuple of outcome<T>:
// exceptions are results, nothing propagates (return_exceptions=True).
template <class... T>
auto gather(return_exceptions_t, task<T>... coros) {
  using result = std::tuple<outcome<T>...>;
  event_loop& loop = *event_loop::current();
  const gather_args children{detail::spawn(loop, std::move(coros))...};
  return gather_future<result>{make_gather<result>(
      loop, children,
      [](const gather_futures& c) { return detail::collect_outcomes<T...>(c, std::index_sequence_for<T...>{}); },
      true, gather_children::distinct)};
}

// `co_await asyncio::gather(std::move(many))` → std::vector of results, in order.
template <class T>
auto gather(std::vector<task<T>> coros) {
  using result = std::vector<stored_t<T>>;
  event_loop& loop = *event_loop::current();
  gather_args children;
  children.reserve(coros.size());
  for (task<T>& c : coros) children.push_back(detail::spawn(loop, std::move(c)));
  // Freed now, not kept (its capacity too) while `co_await gather(...)` waits: a million handles.
  coros = std::vector<task<T>>();
  return gather_future<result>{
      make_gather<result>(loop, children, &detail::collect_vector<T>, false, gather_children::distinct)};
}

}  // namespace asyncrace
