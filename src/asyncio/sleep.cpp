#include "asyncio/sleep.hpp"

#include "pyrt/py_exception.hpp"

namespace asyncrace {

sleep_wait::~sleep_wait() {
  if (!has_timer()) return;
  // sleep()'s `finally: h.cancel()`: a timer that has not fired must not fire into a task that has
  // gone on. A cancelled sleep's timer is still queued, so cancel unconditionally (the id of a
  // timer that already fired is stale: cancel_timer ignores it).
  task_->loop().cancel_timer(timer_);
}

void sleep_wait::await_suspend(coro::coroutine_handle<>) {
  task_driver* task = task_driver::running();
  event_loop& loop = task->loop();
  if (!(delay_ > 0)) {
    task->park_one_iteration();
    return;
  }
  double deadline = 0.0;
  timer_ = loop.call_later(delay_, callback::bind<&task_driver::timer_fired>(task), ready_kind::sleep, deadline);
  task_ = task;
  task->park_on_timer({wait_kind::sleep, deadline, no_task, 0});
}

void sleep_wait::await_resume() const {
  task_driver* task = task_driver::running();
  task->raise_pending_cancel();
  // The sleep's future.result(): CancelledError when it was cancelled.
  if (has_timer() && task->sleep_status() == task_driver::sleep_state::cancelled) throw cancelled_error();
}

}  // namespace asyncrace
