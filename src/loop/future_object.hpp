// asyncio.Future(): a bare future on the running loop, that the program completes itself
// (set_result, set_exception, cancel), as CPython's asyncio.Future does.
//
//   asyncio::Future<std::string> future;   // future = asyncio.Future()
//   print(future.done());                  // False
//   future.set_result("Task Completed");
//   print(future.result());                // Task Completed
//
// It is a future_handle<T> (awaitable, done(), cancelled(), cancel()): a copy refers to the same
// future, as a second Python name would.
#pragma once

#include <exception>
#include <string>
#include <utility>

#include "loop/event_loop.hpp"
#include "loop/future_handle.hpp"
#include "pyrt/py_exception.hpp"

namespace asyncrace {

// asyncio.InvalidStateError, with CPython's messages ("invalid state", "Result is not set.").
class invalid_state_error : public py_exception {
 public:
  explicit invalid_state_error(const std::string& message)
      : py_exception("asyncio.exceptions.InvalidStateError", message) {}
};

template <class T = void>
class future_object : public future_handle<T> {
 public:
  // asyncio.Future(): bound to the running loop (the module's loop outside a run).
  future_object() : future_handle<T>(create_future<T>(*event_loop::current())) {}

  // Future.set_result(value): done; what awaits it wakes in the next loop iteration.
  void set_result(stored_t<T> value) const {
    if (this->done()) throw invalid_state_error("invalid state");
    this->state().set_result(std::move(value));
  }
  void set_result() const
    requires std::is_void_v<T>
  {
    set_result(none_t{});
  }
  // Future.set_exception(exc)
  void set_exception(std::exception_ptr e) const {
    if (this->done()) throw invalid_state_error("invalid state");
    this->state().set_exception(std::move(e));
  }
  // Future.result(): the value; the exception it holds; CancelledError; or, still pending,
  // InvalidStateError.
  const stored_t<T>& result() const {
    if (!this->done()) throw invalid_state_error("Result is not set.");
    return future_handle<T>::result();
  }
  // repr(future): "<Future pending>", "<Future cancelled>" (future_repr).
  std::string repr() const { return this->state().repr(); }
};

namespace asyncio {
template <class T = void>
using Future = future_object<T>;
using InvalidStateError = invalid_state_error;
}  // namespace asyncio

}  // namespace asyncrace
