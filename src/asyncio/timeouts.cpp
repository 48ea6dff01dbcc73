#include "asyncio/timeouts.hpp"

namespace asyncrace {

task<> detail::cancel_and_wait(future_core& fut, wait_target why) {
  auto waiter = create_future<void>(fut.loop());
  fut.add_done_callback(waiter_callback(waiter.state()));
  remove_waiter_on_exit cleanup{fut, waiter.state()};
  fut.cancel();
  co_await future_awaiter<void>{&waiter.state(), why};
}

// The timeout's handler (Timeout._on_timeout), shared by the scope and the loop's callback so
// that either may end first; cancellable like CPython's Handle.
struct timeout_scope::handler {
  timeout_scope* scope;
  event_loop& loop;
  timer_id timer{};
  int refs = 2;  // the scope's and the loop's
  void release(int n = 1) {
    refs -= n;
    if (refs == 0) delete this;
  }
  static void fire(void* self) {
    auto* h = static_cast<handler*>(self);
    int released = 1;  // the loop's reference
    if (h->scope) {
      timeout_scope& s = *h->scope;
      s.task_->self()->cancel();
      s.state_ = state::expiring;
      s.handler_ = nullptr;
      h->scope = nullptr;
      released = 2;  // and the scope's
    }
    h->release(released);  // one release: the handler is deleted at most once, at the end
  }
  static void drop(void* self) { static_cast<handler*>(self)->release(); }
};

void timeout_scope::drop_handler() {
  if (!handler_) return;
  handler* h = std::exchange(handler_, nullptr);
  h->scope = nullptr;
  h->loop.cancel_timer(h->timer);  // discards the loop's reference if still queued as a timer
  h->release();
}

timeout_scope::~timeout_scope() { drop_handler(); }

const char* timeout_scope::name(state s) {
  switch (s) {
    case state::created: return "created";
    case state::active: return "active";
    case state::expiring: return "expiring";
    case state::expired: return "expired";
    case state::finished: return "finished";
  }
  return "";
}

void timeout_scope::enter() {
  state_ = state::active;
  task_ = task_driver::running();
  if (!task_) throw py_exception("RuntimeError", "Timeout should be used inside a task");
  cancelling_ = task_->cancelling();
  reschedule(when_);
}

void timeout_scope::reschedule(double when) {
  if (state_ != state::active)
    throw py_exception("RuntimeError", std::string("Cannot change state of ") + name(state_) + " Timeout");
  when_ = when;
  drop_handler();
  if (std::isinf(when) && when > 0) return;
  event_loop& loop = *event_loop::current();
  auto* h = new handler{this, loop};
  handler_ = h;
  if (when <= loop.time())
    loop.call_soon(callback::bind<&handler::fire, &handler::drop>(h));
  else
    h->timer = loop.call_at(when, callback::bind<&handler::fire, &handler::drop>(h));
}

bool timeout_scope::exit(bool cancelled) {
  drop_handler();
  if (state_ == state::expiring) {
    state_ = state::expired;
    return task_->uncancel() <= cancelling_ && cancelled;
  }
  if (state_ == state::active) state_ = state::finished;
  return false;
}

task<> timeout(double delay, task<> body) {
  timeout_scope scope(event_loop::current()->time() + delay);  // asyncio.timeout(delay)
  scope.enter();
  bool ours = false;
  try {
    co_await std::move(body);
  } catch (const cancelled_error&) {
    ours = scope.exit(true);
    if (!ours) throw;
  }
  if (ours) throw timeout_error();
  scope.exit(false);
}

}  // namespace asyncrace
