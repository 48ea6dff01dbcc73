// asyncio.sleep(delay): a timer that wakes the task — two loop iterations, as in CPython
// (call_later → _set_result_unless_cancelled → Task.__wakeup). CPython's sleep makes a future for
// the timer to complete; here the task stands for it (task_driver::park_on_timer), so a sleeping
// frame holds 16 bytes of sleep, not a 56-byte future: the same iterations, cancellation and
// reprs. sleep(delay <= 0) creates no timer: one trip through the ready queue.
#pragma once

#include "loop/event_loop.hpp"
#include "loop/task_driver.hpp"

namespace asyncrace {

class sleep_wait {
 public:
  explicit sleep_wait(double delay) : delay_(delay) {}
  sleep_wait(const sleep_wait&) = delete;
  sleep_wait& operator=(const sleep_wait&) = delete;
  ~sleep_wait();

  bool await_ready() const noexcept { return false; }
  void await_suspend(coro::coroutine_handle<>);
  void await_resume();

 private:
  // After await_suspend, a timer_id that names a slot says the sleep is parked on a timer.
  bool has_timer() const { return timer_.slot != timer_id{}.slot; }

  // Eight bytes: the task it wakes is the one running when it suspends and when it resumes, and
  // the timer is cancelled in await_resume (or, for a frame its loop drops while it sleeps, by
  // the destructor, with the loop current).
  union {
    double delay_;     // until await_suspend
    timer_id timer_;   // from then on
  };
};

// What asyncio::sleep(d) returns: eight bytes that the awaiting coroutine's await_transform takes
// by value to make the awaiter (promise_base::await_transform), once, in the frame.
struct sleep_request {
  double delay;
  sleep_wait awaiter() const noexcept { return sleep_wait(delay); }
  sleep_wait operator co_await() const noexcept { return awaiter(); }
};

// `co_await asyncio::sleep(1)`.
inline sleep_request sleep(double delay) { return {delay}; }

// time.sleep(seconds) inside a coroutine: blocks the loop; the clock advances, nothing else runs.
inline void blocking_sleep(double seconds) {
  if (event_loop* loop = event_loop::current()) loop->block_for(seconds);
}

}  // namespace asyncrace
