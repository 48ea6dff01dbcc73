// An asyncio Task: a future whose value comes from running a coroutine on the loop
// (asyncio.create_task). task_handle<T> is the awaitable reference user code holds.
#pragma once

#include <string>

#include "loop/event_loop.hpp"
#include "loop/future_awaiter.hpp"
#include "loop/object_repr.hpp"
#include "loop/task.hpp"
#include "loop/task_driver.hpp"
#include "pyrt/py_exception.hpp"

namespace asyncrace {

template <class T>
class task_state final : public future_state<T> {
 public:
  task_state(event_loop& loop, task<T> root)
      : future_state<T>(loop),
        driver(*this, root.handle()),
        root_(std::move(root)) {
    root_.handle().promise().started = true;  // wrapped in a Task: never "never awaited"
  }

  // Task.cancel(): asks the task to raise CancelledError where it waits (see task_driver).
  bool cancel() override { return driver.request_cancel(); }
  std::string repr() const override {
    return task_repr(driver, this->done() && !this->cancelled() && !this->exception() ? py_repr(this->result()) : "");
  }

  task_driver driver;

 private:
  static_assert(sizeof(future_state<T>) + alignof(task_driver) <= task_driver::max_self_words * task_driver::word,
                "a Task's driver must sit within 2 KB of its future (task_driver::self)");

  static bool is_cancellation(const std::exception_ptr& e) {
    try {
      std::rethrow_exception(e);
    } catch (const cancelled_error&) {
      return true;
    } catch (...) {
      return false;
    }
  }

  // The end of Task.__step: StopIteration → result (or cancelled, if a cancellation is still
  // pending); CancelledError → cancelled; any other exception → stored.
  void task_complete(bool cancelled) override {
    auto& promise = root_.handle().promise();
    const std::exception_ptr error = promise.error();
    task_outcome outcome = task_outcome::result;
    if (cancelled || (error && is_cancellation(error)) || (!error && driver.must_cancel())) {
      this->future_core::cancel();
      outcome = task_outcome::cancelled;
    } else if (error) {
      this->set_exception(error);
      outcome = task_outcome::exception;
    } else {
      this->set_result(promise.take());
    }
    driver.finish_root(promise.name());
    root_ = {};  // the frame is no longer needed: free it now (a million tasks add up)
    this->loop().task_completed(driver, outcome);
    this->release();  // the loop's reference, held while the task was unfinished (may delete this)
  }
  void task_abandon() override {
    if (!root_) return;
    driver.finish_root(root_.name());
    root_ = {};
  }
  const promise_base* task_root() const override { return root_ ? &root_.handle().promise() : nullptr; }

  task<T> root_;
};

template <class T = void>
class task_handle {
 public:
  task_handle() = default;
  explicit task_handle(ref<task_state<T>> s) : s_(std::move(s)) {}

  bool done() const { return s_->done(); }
  bool cancelled() const { return s_->cancelled(); }
  // Task.cancel(): true if the request was made (the task was not done yet).
  bool cancel() const { return s_->cancel(); }
  int cancelling() const { return s_->driver.cancelling(); }
  // repr(task), as CPython prints it.
  std::string repr() const { return s_->repr(); }
  int uncancel() const { return s_->driver.uncancel(); }
  const stored_t<T>& result() const { return s_->result(); }
  task_id id() const { return s_->driver.id; }
  std::string name() const { return s_->driver.name(); }
  task_state<T>& state() const { return *s_; }

  future_awaiter<T> operator co_await() const noexcept {
    return {s_.get(), wait_target{wait_kind::task, 0.0, id(), 0}};
  }

 private:
  ref<task_state<T>> s_;
};

// asyncio.create_task(coro) on `loop`: the first step is scheduled with call_soon, so nothing of
// the coroutine runs until the creator yields.
template <class T>
task_handle<T> create_task(event_loop& loop, task<T> coro) {
  auto* s = new task_state<T>(loop, std::move(coro));  // its one reference belongs to the loop
  loop.adopt_task(s->driver);
  s->add_ref();
  return task_handle<T>(ref<task_state<T>>(s));
}

// asyncio.create_task(coro) on the running loop.
template <class T>
task_handle<T> create_task(task<T> coro) {
  event_loop* loop = event_loop::current();
  assert(loop && "create_task needs a running event loop");
  return create_task(*loop, std::move(coro));
}

}  // namespace asyncrace
