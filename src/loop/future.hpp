// Futures: a result (or exception) that arrives later, with done-callbacks scheduled through the
// loop exactly as CPython's Future does (each callback is one call_soon). A Task is a future too.
#pragma once

#include <cassert>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "loop/callback.hpp"
#include "loop/frame_pool.hpp"
#include "loop/kept_exceptions.hpp"
#include "pyrt/py_none.hpp"

namespace asyncrace {

class event_loop;

// The untyped part of every future: state, exception, callbacks, intrusive reference count.
class future_core {
 public:
  enum class status : std::uint8_t { pending, done, cancelled };

  explicit future_core(event_loop& loop) : loop_(&loop) {}
  future_core(const future_core&) = delete;
  future_core& operator=(const future_core&) = delete;
  virtual ~future_core() {
    delete many_callbacks();
    if (failed_) detail::drop_exception(this);
  }

  bool done() const { return status_ != status::pending; }
  // Future.cancel(): a pending future becomes cancelled and its callbacks are scheduled. Tasks and
  // gathers cancel differently (they pass the request on to what they wait for).
  virtual bool cancel();
  bool cancelled() const { return status_ == status::cancelled; }
  std::exception_ptr exception() const { return failed_ ? detail::kept_exception(this) : nullptr; }
  // Future._log_traceback: set_exception sets it; retrieving the exception clears it (result(),
  // Future.exception(), an await, gather's and TaskGroup's done-callbacks, shield, wait's
  // FIRST_EXCEPTION test: what calls result() or exception() in CPython's Lib/asyncio). A future
  // that dies with it still set is reported to its loop's unretrieved handler (Future.__del__:
  // "Task exception was never retrieved"). exception() above is the plain read (reprs, traces).
  std::exception_ptr retrieve_exception() const {
    log_traceback_ = false;
    return exception();
  }
  bool exception_unretrieved() const { return log_traceback_; }
  event_loop& loop() const { return *loop_; }

  // Future.add_done_callback: on a finished future the callback is still scheduled, not called.
  void add_done_callback(callback cb);
  // Future.remove_done_callback: removes every registration equal to `cb`; returns how many.
  std::size_t remove_done_callback(callback cb);
  void set_exception(std::exception_ptr e);
  // Drops every callback without running it (callback::discard: it releases what it owns).
  void discard_callbacks();
  std::size_t callback_count() const {
    if (const std::vector<callback>* all = many_callbacks()) return all->size();
    return callbacks_.fn ? 1 : 0;
  }
  // repr(): "<Future pending cb=[…]>"; Tasks and gathers say what they are.
  virtual std::string repr() const;

  // A Task's hooks, for its driver (task_driver.hpp); task_state<T> answers them, a plain future
  // is never asked. task_complete moves the root coroutine's outcome into the future (cancelled:
  // the task ends cancelled before its first step) and may destroy the Task; task_abandon destroys
  // the frames of a Task its loop drops unfinished; task_root is the root coroutine's promise
  // while it runs, else null.
  virtual void task_complete(bool /*cancelled*/) {}
  virtual void task_abandon() {}
  virtual const struct promise_base* task_root() const { return nullptr; }

  // Tasks and gathers come from the scheduler's free lists (frame_pool.hpp); the virtual
  // destructor hands operator delete the most derived size.
  static void* operator new(std::size_t size) { return detail::pool_allocate(size); }
  static void operator delete(void* p, std::size_t size) noexcept { detail::pool_deallocate(p, size); }
  static void* operator new(std::size_t, void* where) noexcept { return where; }  // placement
  static void operator delete(void*, void*) noexcept {}

  void add_ref() { ++refs_; }
  void release() {
    assert(refs_ > 0);
    if (--refs_ == 0) {
      if (log_traceback_) report_unretrieved();  // the future is still whole here
      delete this;
    }
  }

 protected:
  // Marks the future finished and schedules its callbacks (Future.__schedule_callbacks).
  void finish(status s);
  [[noreturn]] static void throw_cancelled();

  event_loop* loop_;
  status status_ = status::pending;
  mutable bool log_traceback_ = false;
  // set_exception was called: exception() is kept beside the future (kept_exceptions.hpp), not in
  // it, since few futures ever hold one.
  bool failed_ = false;

 private:
  void report_unretrieved();
  std::uint32_t refs_ = 1;
  // The done-callbacks, in registration order. Nearly every future has exactly one waiter, held
  // here; a second one moves them all into a vector, which this then names (its fn is
  // many_callbacks_tag, its arg the vector): 16 bytes in every future and Task, not 24.
  callback callbacks_;
  static void many_callbacks_tag(void*, bool) {}  // never called
  std::vector<callback>* many_callbacks() const {
    return callbacks_.fn == &many_callbacks_tag ? static_cast<std::vector<callback>*>(callbacks_.arg) : nullptr;
  }
  // Empties callbacks_ and returns what it held, the vector for many.
  std::unique_ptr<std::vector<callback>> take_many_callbacks() {
    std::unique_ptr<std::vector<callback>> all(many_callbacks());
    if (all) callbacks_ = {};
    return all;
  }
};

template <class T>
class future_state : public future_core {
 public:
  using value_type = stored_t<T>;
  using future_core::future_core;

  void set_result(value_type v) {
    assert(!done());
    if constexpr (stateless) (void)v;
    else value_.emplace(std::move(v));
    finish(status::done);
  }
  // Future.result(): the value, or the stored exception rethrown.
  const value_type& result() const {
    if (cancelled()) throw_cancelled();
    this->log_traceback_ = false;
    if (this->failed_) std::rethrow_exception(this->exception());
    if constexpr (stateless) {
      static constexpr value_type only{};
      return only;
    } else {
      assert(value_);
      return *value_;
    }
  }

 private:
  // None (a void Task, a sleep's future) has one value: nothing to store, which keeps a void
  // Task in the pool's 208-byte class.
  static constexpr bool stateless = std::is_empty_v<value_type> && std::is_trivially_default_constructible_v<value_type>;
  struct nothing {};
  [[no_unique_address]] std::conditional_t<stateless, nothing, std::optional<value_type>> value_;
};

// An owning reference to a future-like object (intrusive count, no control block).
template <class S>
class ref {
 public:
  ref() = default;
  explicit ref(S* adopt) : p_(adopt) {}  // takes over one reference
  ref(const ref& o) : p_(o.p_) { if (p_) p_->add_ref(); }
  ref(ref&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  ref& operator=(ref o) noexcept { std::swap(p_, o.p_); return *this; }
  ~ref() { if (p_) p_->release(); }

  S* get() const { return p_; }
  S* operator->() const { return p_; }
  S& operator*() const { return *p_; }
  explicit operator bool() const { return p_ != nullptr; }

 private:
  S* p_ = nullptr;
};

}  // namespace asyncrace
