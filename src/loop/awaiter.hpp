// A class made awaitable the way Python's __await__ does it: its `operator co_await` is itself a
// coroutine (an awaiter<T>), which may await anything and whose co_return is the value of the
// `co_await` expression.
//
//   class CustomAwaitable {                 // class CustomAwaitable:
//    public:                                //     def __await__(self):
//     awaiter<std::string> operator co_await() {
//       co_await asyncio::sleep(2);         //         yield from asyncio.sleep(2).__await__()
//       co_return "Custom Awaitable Done";  //         return "Custom Awaitable Done"
//     }
//   };
//   std::string result = co_await CustomAwaitable();
//
// As `yield from` runs the iterator __await__ returns inside the awaiting coroutine, the body runs
// inside the awaiting Task: no new Task, no loop iteration of its own (like `co_await coro()`,
// task.hpp). It only ever runs because it is awaited, so it never warns "never awaited".
#pragma once

#include <exception>
#include <utility>

#include "loop/coro.hpp"
#include "loop/task.hpp"

namespace asyncrace {

template <class T = void>
class awaiter {
 public:
  struct promise_type : promise_value<T> {
    // Names the coroutine for traces ("operator co_await"), as task<T>'s promise does.
    explicit promise_type(const char* fn = __builtin_FUNCTION()) : promise_value<T>(fn) {}
    awaiter get_return_object() { return awaiter(coro::coroutine_handle<promise_type>::from_promise(*this)); }
  };

  awaiter(awaiter&& o) noexcept : h_(std::exchange(o.h_, {})) {}
  awaiter& operator=(awaiter&&) = delete;
  ~awaiter() {
    if (h_) h_.destroy();
  }

  // The awaiter protocol: the body becomes the awaiting Task's current frame, and hands control
  // back to the awaiting frame when it returns (promise_base::final_awaiter).
  bool await_ready() const noexcept { return false; }
  template <class P>
  void await_suspend(coro::coroutine_handle<P> h) noexcept {
    h_.promise().continuation = h;
    h_.promise().started = true;
    parent_ = detail::link_callee(h, h_.promise());
    detail::set_current_frame(h_);  // the Task's driver resumes it next
  }
  stored_t<T> await_resume() const {
    if (parent_) parent_->callee = nullptr;
    auto& p = h_.promise();
    if (p.failed) std::rethrow_exception(p.error());
    return p.take();
  }

 private:
  explicit awaiter(coro::coroutine_handle<promise_type> h) : h_(h) {}
  coro::coroutine_handle<promise_type> h_;
  promise_base* parent_ = nullptr;  // the awaiting promise, linked to this body while it runs
};

}  // namespace asyncrace
