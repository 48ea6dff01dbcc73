#include "future.hpp"

#include "event_loop.hpp"

namespace asyncrace {

void future_core::add_done_callback(callback cb) {
  if (done()) {
    loop_->call_soon(cb);
    return;
  }
  if (!first_callback_.fn)
    first_callback_ = cb;
  else
    more_callbacks_.push_back(cb);
}

void future_core::discard_callbacks() {
  std::exchange(first_callback_, {}).discard();
  for (const callback& cb : std::exchange(more_callbacks_, {})) cb.discard();
}

void future_core::set_exception(std::exception_ptr e) {
  assert(!done());
  error_ = std::move(e);
  finish(status::done);
}

void future_core::finish(status s) {
  status_ = s;
  // Each callback becomes its own ready-queue entry, in registration order.
  if (first_callback_.fn) loop_->call_soon(std::exchange(first_callback_, {}));
  for (const callback& cb : more_callbacks_) loop_->call_soon(cb);
  more_callbacks_.clear();
}

}  // namespace asyncrace
