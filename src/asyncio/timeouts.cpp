#include "asyncio/timeouts.hpp"

namespace asyncrace {

task<> detail::cancel_and_wait(future_core& fut, wait_target why) {
  auto waiter = create_future<void>(fut.loop());
  fut.add_done_callback(waiter_callback(waiter.state()));
  remove_waiter_on_exit cleanup{fut, waiter.state()};
  fut.cancel();
  co_await future_awaiter<void>{&waiter.state(), why};
}

namespace {
// The timeout's handler (timeouts.Timeout._on_timeout), shared by the block and the loop's
// callback so that either may end first; cancellable like CPython's Handle.
struct timeout_handler {
  task_driver* task;
  int refs = 1;
  bool cancelled = false;
  bool expiring = false;

  void release() {
    if (--refs == 0) delete this;
  }
  static void fire(void* self) {
    auto* h = static_cast<timeout_handler*>(self);
    if (!h->cancelled) {
      h->task->self->cancel();
      h->expiring = true;
    }
    h->release();
  }
  static void drop(void* self) { static_cast<timeout_handler*>(self)->release(); }
};

// Ends the block's handler when the block ends: __aexit__'s `self._timeout_handler.cancel()`.
struct end_handler {
  event_loop& loop;
  timeout_handler* h;
  timer_id timer;
  ~end_handler() {
    h->cancelled = true;
    loop.cancel_timer(timer);
    h->release();
  }
};
}  // namespace

task<> timeout(double delay, task<> body) {
  event_loop& loop = *event_loop::current();
  task_driver* current = task_driver::running();
  const double when = loop.time() + delay;  // asyncio.timeout(delay) = Timeout(loop.time() + delay)
  const int cancelling = current->cancelling();  // __aenter__
  auto* h = new timeout_handler{current};
  ++h->refs;  // the loop's callback
  timer_id timer;
  if (when <= loop.time())
    loop.call_soon({&timeout_handler::fire, h, &timeout_handler::drop});
  else
    timer = loop.call_at(when, {&timeout_handler::fire, h, &timeout_handler::drop});
  end_handler guard{loop, h, timer};
  try {
    co_await std::move(body);
  } catch (const cancelled_error&) {
    // __aexit__: our own expiry (and nobody else's cancellation) turns into TimeoutError.
    if (!(h->expiring && current->uncancel() <= cancelling)) throw;
    throw timeout_error();
  }
  if (h->expiring) current->uncancel();  // expired just as the body finished: nothing to raise
}

}  // namespace asyncrace
