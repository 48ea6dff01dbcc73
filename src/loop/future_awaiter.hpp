// `await future`: done → the result at once (no suspension, as Future.__await__); otherwise the
// running Task parks on the future and resumes when its done-callback runs.
#pragma once

#include "loop/coro.hpp"
#include "loop/future.hpp"
#include "loop/observer.hpp"
#include "loop/task_driver.hpp"

namespace asyncrace {

template <class T>
struct future_awaiter {
  future_state<T>* f;
  wait_target why;

  bool await_ready() const noexcept { return f->done(); }
  void await_suspend(coro::coroutine_handle<>) const { task_driver::running()->park_on(*f, why); }
  stored_t<T> await_resume() const {
    task_driver::running()->raise_pending_cancel();
    return f->result();
  }
};

}  // namespace asyncrace
