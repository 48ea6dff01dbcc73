// Python's inspect.isawaitable(obj): can `await obj` be written? In C++: can `co_await obj` be —
// a coroutine object (task<T>), a Task, a future, asyncio.sleep(...), a class with its own
// operator co_await (awaiter.hpp) — which the compiler knows, so the answer is a constant.
//
//   print("isawaitable = ", inspect::isawaitable(my_function()));  // py:16
//
// A coroutine object made just for the call is dropped when the call returns, never awaited, so
// CPython warns there, before the print. The C++ line that makes it says which Python line it
// stands for (`// py:N`), for the warning's "file.py:N" and quoted line (as forget() does).
#pragma once

#include <utility>

#include "loop/task.hpp"

namespace asyncrace::inspect {

template <class A>
concept awaitable = requires(A&& a) { static_cast<A&&>(a).operator co_await(); } ||
                    requires(A&& a) { operator co_await(static_cast<A&&>(a)); } ||
                    requires(A& a) {
                      a.await_ready();
                      a.await_resume();
                    };

// inspect.isawaitable(obj)
template <class A>
constexpr bool isawaitable(const A&) {
  return awaitable<A>;
}

// inspect.isawaitable(coro()): True, and the coroutine, never awaited, dies as the call returns.
template <class T>
bool isawaitable(task<T>&& coro, unsigned at = __builtin_LINE()) {
  forget(std::move(coro), at);
  return true;
}

}  // namespace asyncrace::inspect
