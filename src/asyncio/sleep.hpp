// asyncio.sleep(delay): a timer that completes a future, which wakes the task — two loop
// iterations, as in CPython (call_later → _set_result_unless_cancelled → Task.__wakeup).
// sleep(delay <= 0) creates no timer: one trip through the ready queue.
#pragma once

#include <cassert>
#include <new>

#include "loop/event_loop.hpp"
#include "loop/future.hpp"
#include "loop/task_driver.hpp"

namespace asyncrace {

class sleep_awaiter {
 public:
  explicit sleep_awaiter(double delay) : delay_(delay) {}
  sleep_awaiter(const sleep_awaiter&) = delete;
  sleep_awaiter& operator=(const sleep_awaiter&) = delete;
  ~sleep_awaiter();

  bool await_ready() const noexcept { return false; }
  void await_suspend(coro::coroutine_handle<>);
  void await_resume() const;

 private:
  // The future lives in the awaiting frame; its reference count is never used to free it.
  struct frame_future final : future_state<void> {
    using future_state<void>::future_state;
  };
  static void fire(void* self);
  // Placement-constructed in storage_ once the loop is known, when the timer is scheduled (a
  // timer_id that names a slot says so: no pointer of its own in every sleeping frame).
  bool has_future() const { return timer_.slot != timer_id{}.slot; }
  frame_future& future() { return *std::launder(reinterpret_cast<frame_future*>(storage_)); }
  const frame_future& future() const { return *std::launder(reinterpret_cast<const frame_future*>(storage_)); }

  double delay_;
  alignas(frame_future) unsigned char storage_[sizeof(frame_future)];
  timer_id timer_;
};

// What asyncio::sleep(d) returns: eight bytes that the awaiting coroutine's await_transform
// passes on by value; `co_await` then builds the awaiter once, in the frame.
struct sleep_request {
  double delay;
  sleep_awaiter operator co_await() const noexcept { return sleep_awaiter(delay); }
};

// `co_await asyncio::sleep(1)`.
inline sleep_request sleep(double delay) { return {delay}; }

// time.sleep(seconds) inside a coroutine: blocks the loop; the clock advances, nothing else runs.
inline void blocking_sleep(double seconds) {
  if (event_loop* loop = event_loop::current()) loop->block_for(seconds);
}

}  // namespace asyncrace
