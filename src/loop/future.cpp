#include "loop/future.hpp"

#include "loop/event_loop.hpp"
#include "loop/object_repr.hpp"
#include "pyrt/py_exception.hpp"

namespace asyncrace {

void future_core::add_done_callback(callback cb) {
  if (done()) {
    loop_->call_soon(cb, ready_kind::done_callback);
    return;
  }
  if (!first_callback_.fn)
    first_callback_ = cb;
  else if (more_callbacks_)
    more_callbacks_->push_back(cb);
  else
    more_callbacks_ = std::make_unique<std::vector<callback>>(1, cb);
}

bool future_core::cancel() {
  if (done()) return false;
  finish(status::cancelled);
  return true;
}

void future_core::throw_cancelled() { throw cancelled_error(); }

std::string future_core::repr() const { return future_repr(*this); }

std::size_t future_core::remove_done_callback(callback which) {
  std::size_t removed = 0;
  auto matches = [&](const callback& cb) { return cb == which; };
  if (first_callback_.fn && matches(first_callback_)) {
    first_callback_.discard();
    first_callback_ = {};
    ++removed;
  }
  if (!more_callbacks_) return removed;
  std::vector<callback>& more = *more_callbacks_;
  for (auto it = more.begin(); it != more.end();) {
    if (matches(*it)) {
      it->discard();
      it = more.erase(it);
      ++removed;
    } else {
      ++it;
    }
  }
  // Keep registration order: the first of the rest moves into the inline slot.
  if (!first_callback_.fn && !more.empty()) {
    first_callback_ = more.front();
    more.erase(more.begin());
  }
  return removed;
}

void future_core::report_unretrieved() {
  log_traceback_ = false;
  // Only while its loop runs code (an iteration, module code, the program's exit): not while a
  // loop is torn down.
  if (event_loop::current() == loop_ && loop_->unretrieved()) loop_->unretrieved()(*this);
}

void future_core::discard_callbacks() {
  std::exchange(first_callback_, {}).discard();
  if (auto more = std::exchange(more_callbacks_, nullptr))
    for (const callback& cb : *more) cb.discard();
}

void future_core::set_exception(std::exception_ptr e) {
  assert(!done());
  error_ = std::move(e);
  log_traceback_ = true;
  finish(status::done);
}

void future_core::finish(status s) {
  status_ = s;
  // Each callback becomes its own ready-queue entry, in registration order.
  if (first_callback_.fn) loop_->call_soon(std::exchange(first_callback_, {}), ready_kind::done_callback);
  if (auto more = std::exchange(more_callbacks_, nullptr))
    for (const callback& cb : *more) loop_->call_soon(cb, ready_kind::done_callback);
}

}  // namespace asyncrace
