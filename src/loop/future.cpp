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
  if (!callbacks_.fn)
    callbacks_ = cb;
  else if (std::vector<callback>* all = many_callbacks())
    all->push_back(cb);
  else
    callbacks_ = {&many_callbacks_tag, new std::vector<callback>{callbacks_, cb}};
}

bool future_core::cancel() {
  if (done()) return false;
  finish(status::cancelled);
  return true;
}

void future_core::throw_cancelled() { throw cancelled_error(); }

std::string future_core::repr() const { return future_repr(*this); }

std::size_t future_core::remove_done_callback(callback which) {
  std::vector<callback>* all = many_callbacks();
  if (!all) {
    if (!callbacks_.fn || !(callbacks_ == which)) return 0;
    std::exchange(callbacks_, {}).discard();
    return 1;
  }
  std::size_t removed = 0;
  for (auto it = all->begin(); it != all->end();) {
    if (*it == which) {
      it->discard();
      it = all->erase(it);
      ++removed;
    } else {
      ++it;
    }
  }
  // One left (or none): back in place, the vector freed.
  if (all->size() <= 1) {
    const callback last = all->empty() ? callback{} : all->front();
    take_many_callbacks();
    callbacks_ = last;
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
  if (auto all = take_many_callbacks())
    for (const callback& cb : *all) cb.discard();
  else
    std::exchange(callbacks_, {}).discard();
}

void future_core::set_exception(std::exception_ptr e) {
  assert(!done());
  failed_ = static_cast<bool>(e);
  if (failed_) detail::keep_exception(this, std::move(e));
  log_traceback_ = true;
  finish(status::done);
}

void future_core::finish(status s) {
  status_ = s;
  // Each callback becomes its own ready-queue entry, in registration order.
  if (auto all = take_many_callbacks())
    for (const callback& cb : *all) loop_->call_soon(cb, ready_kind::done_callback);
  else if (callbacks_.fn)
    loop_->call_soon(std::exchange(callbacks_, {}), ready_kind::done_callback);
}

}  // namespace asyncrace
