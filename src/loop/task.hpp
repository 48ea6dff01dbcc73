// task<T>: a lazy coroutine, Python's coroutine object. Nothing runs until it is awaited or
// wrapped in a Task; its exception is stored and rethrown at co_await; awaiting it directly runs it
// inline in the awaiting Task (no loop iteration), as `await coro()` does in Python.
//
// Hand-off never uses symmetric transfer (wasm would need tail calls, see docs/toolchain.md): awaiting a
// child makes it the Task's current frame and returns to the Task's driver loop, which resumes it;
// a finished child hands control back the same way. The stack never grows with await depth.
#pragma once

#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

#include "loop/coro.hpp"
#include "loop/coro_names.hpp"
#include "loop/frame_pool.hpp"
#include "loop/future.hpp"
#include "loop/kept_exceptions.hpp"

namespace asyncrace {

namespace detail {
// Called when a task<T> that never started is destroyed: CPython's "coroutine '…' was never
// awaited" RuntimeWarning. Defined in never_awaited.cpp (it reports through the running loop).
void coroutine_never_awaited(const char* name);
// The driver of the Task running now (set while a Task steps).
void set_current_frame(coro::coroutine_handle<> h);
// The C++ line of the statement dropping a coroutine (see forget), for the warning's location.
void coroutine_dropped_at(unsigned cpp_line);
}  // namespace detail

// An awaitable that is a request for its awaiter: `request.awaiter()` makes it (asyncio::sleep).
template <class R>
concept makes_awaiter = requires(const std::remove_cvref_t<R>& r) { r.awaiter(); };

struct promise_base {
  explicit promise_base(const char* fn) : name_number_(detail::coro_name_number(fn)) {}
  promise_base(const promise_base&) = delete;
  promise_base& operator=(const promise_base&) = delete;
  ~promise_base() {
    if (failed) detail::drop_exception(this);
  }

  struct final_awaiter {
    bool await_ready() const noexcept { return false; }
    template <class P>
    void await_suspend(coro::coroutine_handle<P> h) const noexcept {
      // Back to the awaiting frame (or, for a Task's root, to nothing: the Task is finished).
      detail::set_current_frame(h.promise().continuation);
    }
    void await_resume() const noexcept {}
  };

  // Frames come from the scheduler's free lists (frame_pool.hpp).
  static void* operator new(std::size_t size) { return detail::pool_allocate(size); }
  static void operator delete(void* p, std::size_t size) noexcept { detail::pool_deallocate(p, size); }

  coro::suspend_always initial_suspend() const noexcept { return {}; }
  final_awaiter final_suspend() const noexcept { return {}; }
  void unhandled_exception() {
    detail::keep_exception(this, std::current_exception());
    failed = 1;
  }
  // What the body raised, or null. It is kept beside the frame (kept_exceptions.hpp), not in it:
  // 8 bytes less in every frame.
  std::exception_ptr error() const { return failed ? detail::kept_exception(this) : nullptr; }

  // Every co_await in a coroutine passes through here: the default argument is the line of the
  // co_await itself, which Python-line maps turn into "running at FILE:LINE" (python_source.hpp).
  // An rvalue awaitable is passed on by value (moved): g++ 12 would copy an xvalue awaiter.
  template <class A>
    requires(!makes_awaiter<A>)
  A await_transform(A&& awaitable, unsigned at = __builtin_LINE()) {
    set_await_line(at);
    return static_cast<A&&>(awaitable);
  }
  // A request that makes its awaiter (asyncio::sleep's) is passed by value and the awaiter made
  // here: the frame keeps the request and the awaiter, not a second copy of the request (g++ 12
  // materializes the argument in the frame either way).
  template <makes_awaiter R>
  auto await_transform(R request, unsigned at = __builtin_LINE()) {
    set_await_line(at);
    return request.awaiter();
  }

  // The coroutine function's name (for reprs, lanes, await chains and warnings).
  const char* name() const { return detail::coro_name(name_number_); }
  void set_name(const char* fn) { name_number_ = detail::coro_name_number(fn); }
  void set_await_line(unsigned at) { await_line = at & line_mask; }

  // (The name is a number and the three flags share a word with the await line, and the
  // exception is kept outside: the promise is 24 bytes natively, not 48, and the sleeper's frame
  // 80.)
  static constexpr unsigned line_mask = (1u << 29) - 1;  // lines past 536 million are not kept
 private:
  std::uint32_t name_number_;  // coro_names.hpp

 public:
  unsigned await_line : 29 = 0;  // C++ line of the latest co_await (0: not started)
  // Its await_line is a line of the Python source itself (an interpreted program's frame,
  // python/coroutine.cpp), not a C++ line to map.
  unsigned python_frame : 1 = 0;
  unsigned started : 1 = 0;
  unsigned failed : 1 = 0;  // the body raised: error() has it
  coro::coroutine_handle<> continuation;
  // The coroutine this one awaits inline now (`co_await coro()`, an awaiter<T>), else null: set
  // as it suspends into the child, cleared as it resumes. From a Task's root one walks down to
  // the innermost frame (await_chain.hpp): a Task's await chain, as `asyncio pstree` shows it.
  promise_base* callee = nullptr;
};

namespace detail {
// The awaiting side of an inline await: links the parent's promise to the child's while the
// child runs (a coroutine type not built on promise_base, such as a program's, keeps no link).
template <class P>
promise_base* link_callee(coro::coroutine_handle<P> parent, promise_base& child) noexcept {
  if constexpr (std::is_base_of_v<promise_base, P>) {
    parent.promise().callee = &child;
    return &parent.promise();
  } else {
    return nullptr;
  }
}
}  // namespace detail

template <class T>
struct promise_value : promise_base {
  using promise_base::promise_base;
  template <class U>
  void return_value(U&& v) { value.emplace(std::forward<U>(v)); }
  stored_t<T> take() { return std::move(*value); }
  std::optional<T> value;
};

template <>
struct promise_value<void> : promise_base {
  using promise_base::promise_base;
  void return_void() const noexcept {}
  none_t take() const noexcept { return {}; }
};

template <class T = void>
class task {
 public:
  using value_type = T;
  struct promise_type : promise_value<T> {
    // The promise is constructed inside the coroutine, so these default arguments name the
    // coroutine function itself (for reprs, lanes and never-awaited warnings). They must sit on
    // the most derived constructor: an inherited one would name itself.
    explicit promise_type(const char* fn = __builtin_FUNCTION()) : promise_value<T>(fn) {}
    task get_return_object() { return task{coro::coroutine_handle<promise_type>::from_promise(*this)}; }
  };
  using handle_type = coro::coroutine_handle<promise_type>;

  task() = default;
  task(task&& o) noexcept : h_(std::exchange(o.h_, {})) {}
  task& operator=(task&& o) noexcept {
    if (this != &o) {
      reset();
      h_ = std::exchange(o.h_, {});
    }
    return *this;
  }
  ~task() { reset(); }

  explicit operator bool() const { return static_cast<bool>(h_); }
  handle_type handle() const { return h_; }
  const char* name() const { return h_ ? h_.promise().name() : ""; }

  struct inline_awaiter {
    handle_type child;
    promise_base* parent = nullptr;  // the awaiting promise, while it is linked to the child
    bool await_ready() const noexcept { return false; }
    template <class P>
    void await_suspend(coro::coroutine_handle<P> h) noexcept {
      child.promise().continuation = h;
      child.promise().started = true;
      parent = detail::link_callee(h, child.promise());
      detail::set_current_frame(child);  // the driver resumes it next
    }
    stored_t<T> await_resume() const {
      if (parent) parent->callee = nullptr;
      auto& p = child.promise();
      if (p.failed) std::rethrow_exception(p.error());
      return p.take();
    }
  };
  // `co_await coro()`: runs the coroutine inside the awaiting Task.
  inline_awaiter operator co_await() && noexcept { return inline_awaiter{h_}; }

 private:
  explicit task(handle_type h) : h_(h) {}
  void reset() {
    if (!h_) return;
    if (!h_.promise().started) detail::coroutine_never_awaited(h_.promise().name());
    h_.destroy();
    h_ = {};
  }

  handle_type h_;
};

// The Python statement `do_some_work(1)` without await: the coroutine object is created and
// dropped at once, and CPython warns that it was never awaited. C++ says it explicitly:
//   forget(do_some_work(1));  // py:7
template <class T>
void forget(task<T>&& coro, unsigned at = __builtin_LINE()) {
  detail::coroutine_dropped_at(at);
  task<T> dropped = std::move(coro);
}

}  // namespace asyncrace
