// asyncio.wait_for, asyncio.timeout and asyncio.shield, written as CPython 3.11 writes them
// (Lib/asyncio/tasks.py, timeouts.py), so that what happens on which loop iteration matches:
// wait_for is a coroutine that waits on a waiter future released by the awaited task's
// done-callback or by a timer; on expiry it cancels the task and waits for the cancellation to end.
#pragma once

#include <cmath>
#include <string>
#include <utility>

#include "loop/future_handle.hpp"
#include "loop/task_state.hpp"
#include "pyrt/py_exception.hpp"

namespace asyncrace {

namespace detail {
// tasks._release_waiter, as a callback that owns a reference to its waiter.
inline void release_waiter(void* w) {
  auto* f = static_cast<future_state<void>*>(w);
  if (!f->done()) f->set_result({});
  f->release();
}
inline void drop_waiter(void* w) { static_cast<future_core*>(w)->release(); }
// The callback that releases `w`: one expression for registering it and for removing it
// (remove_done_callback finds a registration by equality).
inline callback waiter_link(future_state<void>& w) { return callback::bind<&release_waiter, &drop_waiter>(&w); }
inline callback waiter_callback(future_state<void>& w) {
  w.add_ref();
  return waiter_link(w);
}

// Removes a waiter's callback from a future when a scope ends (the `finally:` blocks).
struct remove_waiter_on_exit {
  future_core& from;
  future_state<void>& waiter;
  ~remove_waiter_on_exit() { from.remove_done_callback(waiter_link(waiter)); }
};

// Cancels a timer when a scope ends (`finally: timeout_handle.cancel()`).
struct cancel_timer_on_exit {
  event_loop& loop;
  timer_id id;
  ~cancel_timer_on_exit() { loop.cancel_timer(id); }
};

// tasks._cancel_and_wait
task<> cancel_and_wait(future_core& fut, wait_target why);

// After the cancellation wait_for asked for: `return fut.result()`, its CancelledError turned
// into TimeoutError (`raise exceptions.TimeoutError() from exc`).
template <class T>
const stored_t<T>& result_or_timeout(const future_state<T>& fut) {
  if (fut.cancelled()) throw timeout_error();
  return fut.result();
}
}  // namespace detail

// asyncio.wait_for(fut, timeout): the future's result, or TimeoutError after `timeout` seconds
// (having cancelled it and waited for the cancellation to finish). timeout = infinity: no limit.
// (For a void coroutine the result is none_t, Python's None.)
template <class T>
task<stored_t<T>> wait_for(future_handle<T> fut, double timeout) {
  event_loop& loop = *event_loop::current();
  const wait_target why = fut.shown_task() != no_task ? wait_target{wait_kind::task, 0.0, fut.shown_task(), 0}
                                                     : wait_target{};
  if (std::isinf(timeout) && timeout > 0) co_return co_await fut;
  if (timeout <= 0) {
    if (fut.done()) co_return fut.result();
    co_await detail::cancel_and_wait(fut.state(), why);
    co_return detail::result_or_timeout(fut.state());
  }
  auto waiter = create_future<void>(loop);
  detail::cancel_timer_on_exit timer{loop, loop.call_later(timeout, detail::waiter_callback(waiter.state()))};
  fut.state().add_done_callback(detail::waiter_callback(waiter.state()));
  bool cancelled_while_waiting = false;
  try {
    co_await future_awaiter<void>{&waiter.state(), why};
  } catch (const cancelled_error&) {
    cancelled_while_waiting = true;  // (co_await is not allowed in a handler: continue below)
  }
  if (fut.done()) co_return fut.result();
  fut.state().remove_done_callback(detail::waiter_link(waiter.state()));
  co_await detail::cancel_and_wait(fut.state(), why);
  if (cancelled_while_waiting) throw cancelled_error();
  co_return detail::result_or_timeout(fut.state());
}

// asyncio.wait_for(coro, timeout): the coroutine becomes a Task (ensure_future).
template <class T>
task<stored_t<T>> wait_for(task<T> coro, double timeout) {
  return wait_for(future_handle<T>(create_task(std::move(coro))), timeout);
}

// asyncio.Timeout (timeouts.py) as a scope the caller enters and exits around a block of the
// current task, for `async with` written out by hand (the interpreter's Timeout object):
//   enter() (__aenter__), reschedule(when), expired(), exit(cancelled) (__aexit__: true when the
//   block's CancelledError is this timeout's own and must become TimeoutError).
class timeout_scope {
 public:
  enum class state { created, active, expiring, expired, finished };
  // when: a loop time, or infinity for "no deadline" (Timeout(None)).
  explicit timeout_scope(double when) : when_(when) {}
  timeout_scope(const timeout_scope&) = delete;
  timeout_scope& operator=(const timeout_scope&) = delete;
  ~timeout_scope();

  // RuntimeError "Timeout should be used inside a task" outside one.
  void enter();
  // A new deadline (infinity: none); RuntimeError "Cannot change state of <state> Timeout" unless
  // active.
  void reschedule(double when);
  bool expired() const { return state_ == state::expiring || state_ == state::expired; }
  // Ends the block; true when its CancelledError came from this timeout (raise TimeoutError).
  bool exit(bool cancelled);
  double when() const { return when_; }
  state current() const { return state_; }
  static const char* name(state s);

 private:
  struct handler;
  void drop_handler();
  handler* handler_ = nullptr;
  task_driver* task_ = nullptr;
  double when_;
  int cancelling_ = 0;
  state state_ = state::created;
};

// `async with asyncio.timeout(delay): await body` — the body runs in the current task; at the
// deadline the task is cancelled, and the CancelledError becomes TimeoutError at the block's end
// (unless someone else cancelled the task as well: Task.uncancel() counts the requests).
task<> timeout(double delay, task<> body);

namespace detail {
// shield's outer future, holding the inner while it runs (at namespace scope: a local class's
// functions have no linkage, so they cannot be callback::bind's template arguments).
template <class T>
struct shield_link : future_state<T> {
  shield_link(event_loop& l, future_handle<T> in) : future_state<T>(l), inner(std::move(in)) {}
  future_handle<T> inner;
  static void inner_done(void* self) {  // shield's _inner_done_callback
    auto* outer = static_cast<shield_link*>(self);
    future_state<T>& in = outer->inner.state();
    if (!in.cancelled()) (void)in.retrieve_exception();  // inner.exception(): "retrieved"
    if (!outer->cancelled()) {
      if (in.cancelled())
        outer->future_core::cancel();
      else if (in.exception())
        outer->set_exception(in.exception());
      else
        outer->set_result(in.result());
    }
    outer->release();
  }
  static void drop(void* self) { static_cast<shield_link*>(self)->release(); }
  // The inner future's callback to this one: registered by shield, removed by outer_done.
  static callback inner_link(shield_link* outer) { return callback::bind<&inner_done, &drop>(outer); }
  static void outer_done(void* self) {  // shield's _outer_done_callback
    auto* outer = static_cast<shield_link*>(self);
    if (!outer->inner.done()) outer->inner.state().remove_done_callback(inner_link(outer));
    outer->release();
  }
};
}  // namespace detail

// asyncio.shield(fut): an outer future that follows `inner` but whose cancellation does not
// reach it. A finished inner is returned as it is.
template <class T>
future_handle<T> shield(future_handle<T> inner) {
  if (inner.done()) return inner;
  using link = detail::shield_link<T>;
  event_loop& loop = inner.state().loop();
  auto* outer = new link(loop, inner);
  outer->add_ref();
  inner.state().add_done_callback(link::inner_link(outer));
  outer->add_ref();
  outer->add_done_callback(callback::bind<&link::outer_done, &link::drop>(outer));
  return future_handle<T>(ref<future_state<T>>(outer), inner.shown_task());
}

template <class T>
future_handle<T> shield(task<T> coro) {
  return shield(future_handle<T>(create_task(std::move(coro))));
}

}  // namespace asyncrace
