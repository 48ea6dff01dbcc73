#include "asyncio/task_group.hpp"

#include <algorithm>

namespace asyncrace {

exception_group::exception_group(std::string message, std::vector<std::exception_ptr> errors)
    : py_exception("ExceptionGroup", message + " (" + std::to_string(errors.size()) + " sub-exception" +
                                         (errors.size() == 1 ? "" : "s") + ")"),
      errors_(std::move(errors)),
      message_(std::move(message)) {}

task_group::~task_group() {
  for (future_core* t : tasks_) t->release();
}

void task_group::enter() {
  entered_ = true;
  loop_ = event_loop::current();
  parent_ = task_driver::running();
}

void task_group::check_can_create() const {
  if (!entered_) throw py_exception("RuntimeError", "TaskGroup has not been entered");
  if (exiting_ && tasks_.empty()) throw py_exception("RuntimeError", "TaskGroup is finished");
  if (aborting_) throw py_exception("RuntimeError", "TaskGroup is shutting down");
}

void task_group::track(future_core& t) {
  t.add_ref();
  tasks_.push_back(&t);
  links_.push_back({this, &t});
  t.add_done_callback(callback::bind<&task_group::on_task_done>(&links_.back()));
}

void task_group::abort() {
  aborting_ = true;
  for (future_core* t : std::vector<future_core*>(tasks_))
    if (!t->done()) t->cancel();
}

void task_group::on_task_done(void* arg) {
  auto* l = static_cast<link*>(arg);
  l->group->task_done(*l->task);
}

void task_group::task_done(future_core& t) {
  tasks_.erase(std::find(tasks_.begin(), tasks_.end(), &t));
  ref<future_core> hold(&t);  // the set's reference, released on return
  if (on_completed_.valid() && tasks_.empty() && !on_completed_.done()) on_completed_.state().set_result({});
  if (t.cancelled() || !t.retrieve_exception()) return;  // task.exception(): retrieved
  errors_.push_back(t.exception());
  if (parent_->self()->done()) return;  // CPython reports it to the loop's exception handler
  if (!aborting_ && !parent_cancel_requested_) {
    // Cancel the block's own await too; __aexit__ withdraws this request (uncancel).
    abort();
    parent_cancel_requested_ = true;
    parent_->self()->cancel();
  }
}

task<> task_group::exit(std::exception_ptr error, bool error_is_cancellation) {
  exiting_ = true;
  std::exception_ptr propagate_cancellation;
  if (error) {
    if (error_is_cancellation && !(parent_cancel_requested_ && parent_->uncancel() == 0))
      propagate_cancellation = error;
    if (!aborting_) abort();
  }
  // A loop: the wait can be cancelled again if the parent task is cancelled repeatedly.
  while (!tasks_.empty()) {
    if (!on_completed_.valid()) on_completed_ = create_future<void>(*loop_);
    bool cancelled = false;
    try {
      co_await on_completed_;
    } catch (const cancelled_error&) {
      cancelled = true;
      if (!aborting_) propagate_cancellation = std::current_exception();
    }
    if (cancelled && !aborting_) abort();
    on_completed_ = {};
  }
  // Errors take priority over a cancellation to propagate.
  if (propagate_cancellation && errors_.empty()) std::rethrow_exception(propagate_cancellation);
  if (error && !error_is_cancellation) errors_.push_back(error);
  if (!errors_.empty()) throw exception_group("unhandled errors in a TaskGroup", std::move(errors_));
}

}  // namespace asyncrace
