// future_handle<T>: an owning, awaitable reference to any future (a plain future, a Task, a
// shield's outer future), for code that takes "a future" as CPython's does.
#pragma once

#include "loop/future.hpp"
#include "loop/future_awaiter.hpp"
#include "loop/task_state.hpp"

namespace asyncrace {

template <class T>
class future_handle {
 public:
  future_handle() = default;
  explicit future_handle(ref<future_state<T>> s, task_id shown = no_task) : s_(std::move(s)), shown_(shown) {}
  future_handle(const task_handle<T>& t) : s_(ref_to(t.state())), shown_(t.id()) {}  // NOLINT: a Task is a future

  bool valid() const { return static_cast<bool>(s_); }
  bool done() const { return s_->done(); }
  bool cancelled() const { return s_->cancelled(); }
  bool cancel() const { return s_->cancel(); }
  const stored_t<T>& result() const { return s_->result(); }
  future_state<T>& state() const { return *s_; }
  task_id shown_task() const { return shown_; }  // the Task behind it, for traces (or no_task)

  future_awaiter<T> operator co_await() const noexcept {
    return {s_.get(), shown_ != no_task ? wait_target{wait_kind::task, 0.0, shown_, 0} : wait_target{}};
  }

  static ref<future_state<T>> ref_to(future_state<T>& f) {
    f.add_ref();
    return ref<future_state<T>>(&f);
  }

 private:
  ref<future_state<T>> s_;
  task_id shown_ = no_task;
};

// loop.create_future()
template <class T>
future_handle<T> create_future(event_loop& loop) {
  return future_handle<T>(ref<future_state<T>>(new future_state<T>(loop)));
}

}  // namespace asyncrace
