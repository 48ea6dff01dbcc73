#include "asyncio/sleep.hpp"

#include "pyrt/py_exception.hpp"

namespace asyncrace {

sleep_wait::~sleep_wait() {
  // Its frame is destroyed while it sleeps: the loop is being torn down (task_driver::abandon,
  // with the loop current); a timer that never fires is dropped with it.
  if (!has_timer()) return;
  if (event_loop* loop = event_loop::current()) loop->cancel_timer(timer_);
}

void sleep_wait::await_suspend(coro::coroutine_handle<>) {
  task_driver* task = task_driver::running();
  event_loop& loop = task->loop();
  const double delay = delay_;
  timer_ = timer_id{};
  if (!(delay > 0)) {
    task->park_one_iteration();
    return;
  }
  double deadline = 0.0;
  timer_ = loop.call_later(delay, callback::bind<&task_driver::timer_fired>(task), ready_kind::sleep, deadline);
  task->park_on_timer({wait_kind::sleep, deadline, no_task, 0});
}

void sleep_wait::await_resume() {
  task_driver* task = task_driver::running();
  const bool timed = has_timer();
  if (timed) {
    // sleep()'s `finally: h.cancel()`: a timer that has not fired (the sleep was cancelled) must
    // not fire into a task that has gone on. The id of a timer that fired is stale: ignored.
    task->loop().cancel_timer(timer_);
    timer_ = timer_id{};
  }
  task->raise_pending_cancel();
  // The sleep's future.result(): CancelledError when it was cancelled.
  if (timed && task->sleep_status() == task_driver::sleep_state::cancelled) throw cancelled_error();
}

}  // namespace asyncrace
