#include "asyncio/locks.hpp"

#include <cassert>

#include "loop/event_loop.hpp"
#include "pyrt/address.hpp"

namespace asyncrace {

// ---------------------------------------------------------------- the waiters' line
namespace detail {

waiter::~waiter() {
  if (list_) list_->remove(*this);
}

waiter_list::~waiter_list() {
  for (waiter* w = head_; w;) {
    waiter* next = w->next_;
    w->list_ = nullptr;
    w->prev_ = w->next_ = nullptr;
    w = next;
  }
}

void waiter_list::push_back(waiter& w) {
  assert(!w.list_);
  w.list_ = this;
  w.prev_ = tail_;
  w.next_ = nullptr;
  (tail_ ? tail_->next_ : head_) = &w;
  tail_ = &w;
}

bool waiter_list::remove(waiter& w) {
  if (w.list_ != this) return false;
  (w.prev_ ? w.prev_->next_ : head_) = w.next_;
  (w.next_ ? w.next_->prev_ : tail_) = w.prev_;
  w.list_ = nullptr;
  w.prev_ = w.next_ = nullptr;
  return true;
}

waiter* waiter_list::pop_front() {
  waiter* w = head_;
  if (w) remove(*w);
  return w;
}

bool waiter_list::all_cancelled() const {
  for (const waiter* w = head_; w; w = w->next_)
    if (!w->cancelled()) return false;
  return true;
}

event_loop* bind_running_loop(event_loop*& bound) {
  event_loop* loop = event_loop::current();
  assert(loop && "an asyncio primitive waited outside a running loop");
  if (!bound) bound = loop;
  return loop == bound ? loop : nullptr;
}

namespace {
// object.__repr__ of a locks.py class and the state CPython appends. `self` is the address shown:
// the primitive's own, or the interpreted object that holds it (`shown_as`), so that the repr
// agrees with that object's id().
std::string locks_repr(const void* self, const char* type, std::string extra, const waiter_list& waiters) {
  std::size_t n = 0;
  for (const waiter* w = waiters.front(); w; w = w->next()) ++n;
  if (n) extra += ", waiters:" + std::to_string(n);
  return std::string("<asyncio.locks.") + type + " object at " + address_text(self) + " [" + extra + "]>";
}
}  // namespace

}  // namespace detail

// ---------------------------------------------------------------- Event

void event::set() {
  if (value_) return;
  value_ = true;
  for (detail::waiter* fut = waiters_.front(); fut; fut = fut->next())
    if (!fut->done()) fut->set_result({});
}

task<bool> event::wait() {
  if (value_) co_return true;
  detail::waiter fut(detail::bound_loop(loop_, *this));
  waiters_.push_back(fut);
  detail::leave_on_exit finally{waiters_, fut};
  co_await fut;
  co_return true;
}

std::string event::repr(const void* shown_as) const { return detail::locks_repr(shown_as ? shown_as : this, "Event", value_ ? "set" : "unset", waiters_); }

// ---------------------------------------------------------------- Lock

task<bool> lock::acquire() {
  if (!locked_ && waiters_.all_cancelled()) {
    locked_ = true;
    co_return true;
  }
  detail::waiter fut(detail::bound_loop(loop_, *this));
  waiters_.push_back(fut);
  try {
    // CPython leaves the line before handling CancelledError, so that _wake_up_first() below
    // cannot try to wake this very waiter.
    detail::leave_on_exit finally{waiters_, fut};
    co_await fut;
  } catch (const cancelled_error&) {
    // Woken by release() but cancelled before it ran: hand the wakeup on to the next in line.
    if (!locked_) wake_up_first();
    throw;
  }
  locked_ = true;
  co_return true;
}

void lock::release() {
  if (!locked_) throw py_exception("RuntimeError", "Lock is not acquired.");
  locked_ = false;
  wake_up_first();
}

void lock::wake_up_first() {
  // A done first waiter will run later and either take the lock or, cancelled, wake the next.
  detail::waiter* fut = waiters_.front();
  if (fut && !fut->done()) fut->set_result({});
}

task<lock::guard> lock::scoped() {
  co_await acquire();  // _ContextManagerMixin.__aenter__
  co_return guard(*this);
}

std::string lock::repr(const void* shown_as) const { return detail::locks_repr(shown_as ? shown_as : this, "Lock", locked_ ? "locked" : "unlocked", waiters_); }

// ---------------------------------------------------------------- Semaphore

semaphore::semaphore(int value, bool bounded) : value_(value), bound_value_(value), bounded_(bounded) {
  if (value < 0) throw py_exception("ValueError", "Semaphore initial value must be >= 0");
}

bool semaphore::locked() const { return value_ == 0 || !waiters_.all_cancelled(); }

task<bool> semaphore::acquire() {
  if (!locked()) {
    --value_;
    co_return true;
  }
  detail::waiter fut(detail::bound_loop(loop_, *this));
  waiters_.push_back(fut);
  try {
    detail::leave_on_exit finally{waiters_, fut};
    co_await fut;
  } catch (const cancelled_error&) {
    // Woken (_wake_up_next reserved the slot for us) but cancelled before running: give it back.
    if (!fut.cancelled()) {
      ++value_;
      wake_up_next();
    }
    throw;
  }
  if (value_ > 0) wake_up_next();
  co_return true;
}

void semaphore::release() {
  if (bounded_ && value_ >= bound_value_) throw py_exception("ValueError", "BoundedSemaphore released too many times");
  ++value_;
  wake_up_next();
}

void semaphore::wake_up_next() {
  // The first waiter not yet woken takes the slot now, before it runs.
  for (detail::waiter* fut = waiters_.front(); fut; fut = fut->next()) {
    if (!fut->done()) {
      --value_;
      fut->set_result({});
      return;
    }
  }
}

task<semaphore::guard> semaphore::scoped() {
  co_await acquire();
  co_return guard(*this);
}

std::string semaphore::repr(const void* shown_as) const {
  const char* type = bounded_ ? "BoundedSemaphore" : "Semaphore";
  return detail::locks_repr(shown_as ? shown_as : this, type, locked() ? "locked" : "unlocked, value:" + std::to_string(value_), waiters_);
}

// ---------------------------------------------------------------- Condition

task<condition::guard> condition::scoped() {
  co_await acquire();
  co_return guard(*this);
}

task<bool> condition::wait() {
  if (!locked()) throw py_exception("RuntimeError", "cannot wait on un-acquired lock");
  release();
  std::exception_ptr error;
  try {
    detail::waiter fut(detail::bound_loop(loop_, *this));
    waiters_.push_back(fut);
    detail::leave_on_exit finally{waiters_, fut};
    co_await fut;
  } catch (...) {
    error = std::current_exception();
  }
  // The lock is taken back even when the wait was cancelled; cancellations meanwhile are
  // remembered and raised once it is held.
  bool cancelled = false;
  for (;;) {
    try {
      co_await acquire();
      break;
    } catch (const cancelled_error&) {
      cancelled = true;
    }
  }
  if (error) std::rethrow_exception(error);
  if (cancelled) throw cancelled_error();
  co_return true;
}

void condition::notify(std::size_t n) {
  if (!locked()) throw py_exception("RuntimeError", "cannot notify on un-acquired lock");
  std::size_t woken = 0;
  for (detail::waiter* fut = waiters_.front(); fut && woken < n; fut = fut->next()) {
    if (!fut->done()) {
      ++woken;
      fut->set_result({});
    }
  }
}

void condition::notify_all() {
  std::size_t n = 0;
  for (const detail::waiter* w = waiters_.front(); w; w = w->next()) ++n;
  notify(n);
}

std::string condition::repr(const void* shown_as) const { return detail::locks_repr(shown_as ? shown_as : this, "Condition", locked() ? "locked" : "unlocked", waiters_); }

// ---------------------------------------------------------------- Barrier

barrier::barrier(int parties) : parties_(parties) {
  if (parties < 1) throw py_exception("ValueError", "parties must be > 0");
}

task<int> barrier::wait() {
  condition::guard held = co_await cond_.scoped();
  // _block: wait while the barrier drains or resets.
  while (state_ == phase::draining || state_ == phase::resetting) co_await cond_.wait();
  if (state_ == phase::broken) throw py_exception("BrokenBarrierError", "Barrier aborted");
  struct leave {  // the `finally:` of Barrier.wait, before the lock is released
    barrier& b;
    ~leave() {
      --b.count_;
      b.exit();
    }
  };
  const int index = count_++;
  leave finally{*this};
  if (index + 1 == parties_) {
    state_ = phase::draining;  // _release
    cond_.notify_all();
  } else {
    while (state_ == phase::filling) co_await cond_.wait();  // _wait
    if (state_ == phase::broken || state_ == phase::resetting)
      throw py_exception("BrokenBarrierError", "Abort or reset of barrier");
  }
  co_return index;
}

void barrier::exit() {
  if (count_ != 0) return;
  if (state_ == phase::resetting || state_ == phase::draining) state_ = phase::filling;
  cond_.notify_all();
}

task<void> barrier::reset() {
  condition::guard held = co_await cond_.scoped();
  if (count_ > 0) state_ = phase::resetting;
  else state_ = phase::filling;
  cond_.notify_all();
}

task<void> barrier::abort() {
  condition::guard held = co_await cond_.scoped();
  state_ = phase::broken;
  cond_.notify_all();
}

std::string barrier::repr(const void* shown_as) const {
  static const char* const words[] = {"filling", "draining", "resetting", "broken"};
  std::string extra = words[static_cast<int>(state_)];
  if (!broken()) extra += ", waiters:" + std::to_string(n_waiting()) + "/" + std::to_string(parties_);
  return "<asyncio.locks.Barrier object at " + address_text(shown_as ? shown_as : this) + " [" + extra + "]>";
}

}  // namespace asyncrace
