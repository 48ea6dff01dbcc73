// asyncio's synchronisation primitives — Event, Lock, Semaphore, BoundedSemaphore — written as
// CPython 3.11.7 writes them (Lib/asyncio/locks.py): each waiting call creates one future, appends
// it to the primitive's `_waiters` line and parks its Task on it; release/set only complete futures,
// so whoever was woken runs in a later loop iteration and re-checks the state there. The future
// lives in the waiting coroutine's frame and links itself into the line: waiting allocates nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "loop/future_awaiter.hpp"
#include "loop/task.hpp"
#include "pyrt/py_exception.hpp"

namespace asyncrace {

class event_loop;

namespace detail {

class waiter_list;

// One waiting call's future (`fut = self._get_loop().create_future()`), in the waiting frame.
// Only its Task refers to it while it is parked, so its reference count is never used to free it.
class waiter final : public future_state<void> {
 public:
  explicit waiter(event_loop& loop) : future_state<void>(loop) {}
  ~waiter() override;  // a frame destroyed while waiting (loop torn down) leaves the line

  // `await fut`: the running Task parks on it.
  future_awaiter<void> operator co_await() noexcept { return {this, wait_target{}}; }
  waiter* next() const { return next_; }

 private:
  friend class waiter_list;
  waiter_list* list_ = nullptr;
  waiter* prev_ = nullptr;
  waiter* next_ = nullptr;
};

// The `_waiters` deque (`_getters`/`_putters` of a Queue): an intrusive FIFO of waiters.
class waiter_list {
 public:
  waiter_list() = default;
  waiter_list(const waiter_list&) = delete;
  waiter_list& operator=(const waiter_list&) = delete;
  ~waiter_list();  // waiters outliving their primitive (loop teardown) just forget it

  bool empty() const { return !head_; }
  waiter* front() const { return head_; }
  void push_back(waiter& w);  // deque.append
  // deque.remove: false when `w` is not in the line (ValueError in Python).
  bool remove(waiter& w);
  waiter* pop_front();  // deque.popleft
  bool all_cancelled() const;

 private:
  waiter* head_ = nullptr;
  waiter* tail_ = nullptr;
};

// `try: await fut  finally: waiters.remove(fut)`: declared inside the try block, so the waiter has
// left the line before any handler runs (as CPython's inner finally does).
struct leave_on_exit {
  waiter_list& line;
  waiter& fut;
  ~leave_on_exit() { line.remove(fut); }
};

// mixins._LoopBoundMixin._get_loop: the running loop, bound on first use (a primitive may be
// created before any loop runs, and binds only when a call has to wait, as in CPython).
// nullptr when `bound` is another loop.
event_loop* bind_running_loop(event_loop*& bound);
template <class P>
event_loop& bound_loop(event_loop*& bound, const P& self) {
  if (event_loop* loop = bind_running_loop(bound)) return *loop;
  throw py_exception("RuntimeError", self.repr() + " is bound to a different event loop");
}

// The `async with` block of a Lock or Semaphore: releases when it ends (_ContextManagerMixin's
// __aexit__); a moved-from guard releases nothing. Releasing by hand inside the block as well is a
// bug: the RuntimeError or ValueError release() raises cannot leave a destructor.
template <class P>
class [[nodiscard]] held {
 public:
  explicit held(P& p) : p_(&p) {}
  held(held&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  held& operator=(held&&) = delete;
  ~held() {
    if (p_) p_->release();
  }

 private:
  P* p_;
};

}  // namespace detail

// asyncio.Event: a flag; wait() blocks until it is set. set() wakes every waiter (in the order they
// began to wait); a waiter woken by set() returns True even if clear() ran before it did.
class event {
 public:
  event() = default;
  event(const event&) = delete;
  event& operator=(const event&) = delete;

  bool is_set() const { return value_; }
  void set();
  void clear() { value_ = false; }
  // `await event.wait()`: True at once when the flag is set (no loop iteration).
  task<bool> wait();

  std::string repr(const void* shown_as = nullptr) const;  // <asyncio.locks.Event object at 0x7f… [unset, waiters:1]>

 private:
  detail::waiter_list waiters_;
  event_loop* loop_ = nullptr;
  bool value_ = false;
};

// asyncio.Lock: FIFO among waiters, and no barging: while a woken waiter has not yet run, a new
// acquire() queues behind it (Lock.acquire's fast path needs every waiter to be cancelled).
class lock {
 public:
  using guard = detail::held<lock>;

  lock() = default;
  lock(const lock&) = delete;
  lock& operator=(const lock&) = delete;

  bool locked() const { return locked_; }
  // `await lock.acquire()`: True once the lock is ours; CancelledError while waiting.
  task<bool> acquire();
  // Wakes the first waiter; RuntimeError "Lock is not acquired." on an unlocked lock.
  void release();
  // `async with lock:` → `auto guard = co_await lock.scoped();`
  task<guard> scoped();

  std::string repr(const void* shown_as = nullptr) const;  // <asyncio.locks.Lock object at 0x7f… [locked, waiters:2]>

 private:
  void wake_up_first();

  detail::waiter_list waiters_;
  event_loop* loop_ = nullptr;
  bool locked_ = false;
};

// asyncio.Semaphore(value): at most `value` holders. release() reserves the freed slot for the first
// waiter (its future is done, the value already taken), so a newcomer cannot take it first.
class semaphore {
 public:
  using guard = detail::held<semaphore>;

  // ValueError "Semaphore initial value must be >= 0" when value < 0.
  explicit semaphore(int value = 1) : semaphore(value, false) {}
  semaphore(const semaphore&) = delete;
  semaphore& operator=(const semaphore&) = delete;

  // True when acquire() would wait: no slot, or someone (not cancelled) already waiting.
  bool locked() const;
  // `await sem.acquire()`: True once a slot is ours; CancelledError while waiting.
  task<bool> acquire();
  // Frees a slot and wakes the first waiter; a BoundedSemaphore raises ValueError "BoundedSemaphore
  // released too many times" instead of going above its initial value.
  void release();
  // `async with sem:` → `auto guard = co_await sem.scoped();`
  task<guard> scoped();

  std::string repr(const void* shown_as = nullptr) const;  // <asyncio.locks.Semaphore object at 0x7f… [unlocked, value:2]>

 protected:
  semaphore(int value, bool bounded);

 private:
  void wake_up_next();

  detail::waiter_list waiters_;
  event_loop* loop_ = nullptr;
  int value_;
  int bound_value_;
  // BoundedSemaphore is this class with a bound (no virtual release(): a guard must still call the
  // bounded one, as `async with` calls the subclass's release in Python).
  bool bounded_;
};

// asyncio.BoundedSemaphore(value): a Semaphore whose release() may not exceed `value`.
class bounded_semaphore : public semaphore {
 public:
  explicit bounded_semaphore(int value = 1) : semaphore(value, true) {}
};

// asyncio.Condition(lock=None): wait() releases the lock, parks until notify() and takes the lock
// back (even when cancelled: CancelledError is raised once it holds the lock again).
class condition {
 public:
  using guard = detail::held<condition>;

  // With no lock it makes its own (Condition(lock=None)); `shared` must outlive the condition.
  explicit condition(lock* shared = nullptr) : lock_(shared ? shared : &own_) {}
  condition(const condition&) = delete;
  condition& operator=(const condition&) = delete;

  bool locked() const { return lock_->locked(); }
  task<bool> acquire() { return lock_->acquire(); }
  void release() { lock_->release(); }
  task<guard> scoped();
  // RuntimeError "cannot wait on un-acquired lock" unless the lock is held.
  task<bool> wait();
  // Wakes up to n waiters (RuntimeError "cannot notify on un-acquired lock" unless held).
  void notify(std::size_t n = 1);
  void notify_all();
  lock& underlying() const { return *lock_; }

  std::string repr(const void* shown_as = nullptr) const;  // <asyncio.locks.Condition object at 0x7f… [unlocked, waiters:1]>

 private:
  lock own_;
  lock* lock_;
  detail::waiter_list waiters_;
  event_loop* loop_ = nullptr;
};

// asyncio.Barrier(parties) (3.11): wait() blocks until `parties` tasks wait, then lets them all
// through and returns each one's arrival index; BrokenBarrierError after abort() or reset().
class barrier {
 public:
  enum class phase : std::uint8_t { filling, draining, resetting, broken };

  explicit barrier(int parties);  // ValueError "parties must be > 0"
  barrier(const barrier&) = delete;
  barrier& operator=(const barrier&) = delete;

  task<int> wait();
  task<void> reset();
  task<void> abort();
  int parties() const { return parties_; }
  int n_waiting() const { return state_ == phase::filling ? count_ : 0; }
  bool broken() const { return state_ == phase::broken; }

  std::string repr(const void* shown_as = nullptr) const;  // <asyncio.locks.Barrier object at 0x7f… [filling, waiters:0/3]>

 private:
  void exit();

  condition cond_;
  int parties_;
  int count_ = 0;
  phase state_ = phase::filling;
};

// print(lock): str() is the repr, as for any object without __str__.
inline std::string py_str(const event& e) { return e.repr(); }
inline std::string py_str(const lock& l) { return l.repr(); }
inline std::string py_str(const semaphore& s) { return s.repr(); }

}  // namespace asyncrace
