#include "asyncio/sleep.hpp"

#include <new>

namespace asyncrace {

sleep_awaiter::~sleep_awaiter() {
  if (!has_future()) return;
  // sleep()'s `finally: h.cancel()`: a timer that has not fired must not fire into a dead frame.
  // A cancelled sleep's future is done but its timer is still queued, so cancel unconditionally
  // (the id of a timer that already fired is stale: cancel_timer ignores it).
  future().loop().cancel_timer(timer_);
  future().~frame_future();
}

void sleep_awaiter::await_suspend(coro::coroutine_handle<>) {
  task_driver* task = task_driver::running();
  event_loop& loop = *task->loop;
  if (!(delay_ > 0)) {
    task->park_one_iteration();
    return;
  }
  new (storage_) frame_future(loop);
  timer_ = loop.call_later(delay_, callback::bind<&sleep_awaiter::fire>(this), ready_kind::sleep);
  task->park_on(future(), {wait_kind::sleep, loop.timer_deadline(timer_), no_task, 0});
}

void sleep_awaiter::fire(void* self) {
  // futures._set_result_unless_cancelled
  auto* s = static_cast<sleep_awaiter*>(self);
  if (!s->future().done()) s->future().set_result({});
}

void sleep_awaiter::await_resume() const {
  task_driver::running()->raise_pending_cancel();
  if (has_future()) (void)future().result();
}

}  // namespace asyncrace
