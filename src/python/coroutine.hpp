// Python coroutines on the scheduler. A coroutine object made by calling an `async def` holds its
// frame; awaiting it, or wrapping it in a Task, makes ONE scheduler coroutine (task<value>) that
// runs the frame until it awaits, co_awaits what it awaits (another coroutine inline, a Task, a
// Future, a sleep ...), and resumes the frame with the result. Natively implemented awaitables
// (asyncio.sleep(1), queue.get(), ...) are coroutine objects holding a C++ task<value> instead.
#pragma once

#include <cstddef>
#include <exception>
#include <string>
#include <utility>

#include "limits.hpp"
#include "object.hpp"
#include "loop/task.hpp"

namespace asyncrace::python {

struct coroutine_object : object {
  std::string name;       // __name__ ("sleep", "main")
  std::string qualname;   // __qualname__: what reprs show (outlives `native`, which names itself by it)
  value frame_v;          // a Python coroutine's frame; empty for a native one
  task<value> native;     // a native coroutine's body
  bool started = false;   // awaited or wrapped in a Task: it will never warn
  ~coroutine_object() override;
};

// The scheduler coroutine that runs `coro` (it is marked started; a second take raises
// "RuntimeError: cannot reuse already awaited coroutine").
task<value> take_coroutine(interpreter& in, const value& coro);
// A native coroutine object around a C++ body, named as CPython names the coroutine function.
value make_native_coroutine(interpreter& in, task<value> body, std::string name);
// The same for a name written as a literal (every `await queue.put(x)` and `asyncio.sleep(d)`
// makes one): the literal outlives any Task, so it is not interned on every call.
value make_native_coroutine_named(interpreter& in, task<value> body, const char* literal);
template <std::size_t N>
value make_native_coroutine(interpreter& in, task<value> body, const char (&literal)[N]) {
  return make_native_coroutine_named(in, std::move(body), literal);
}
// A Python coroutine object for a frame of an `async def`.
value make_python_coroutine(interpreter& in, value frame_v);
bool is_coroutine(const value& v);
// asyncio's _wrap_awaitable(aw): a coroutine that awaits an object with __await__ (what
// ensure_future wraps in a Task); empty when `aw` has no __await__.
value wrap_awaitable(interpreter& in, const value& aw);
// A native body that returns None at once (aclose() and other no-op awaitables).
task<value> task_returning_none();

// What an awaited gave back, or what it raised.
template <class T>
struct caught_outcome {
  T v{};
  std::exception_ptr error;
};

// `co_await caught<A>{a}` awaits `a` and hands back a caught_outcome instead of throwing: the
// exception is caught in await_resume, a plain function. A coroutine of the interpreter keeps no
// try block around a co_await: Emscripten 3.1.6's clang 14 with -fwasm-exceptions lets an
// exception thrown inside such a block escape the coroutine (neither the catch nor the promise's
// unhandled_exception sees it), while g++ handles it. (tests: corpus errors/await_not_awaitable,
// the wasm test_interpreted suite.) A may be a reference.
template <class A>
struct caught {
  A inner;
  using result_type = std::decay_t<decltype(std::declval<A&>().await_resume())>;
  bool await_ready() { return inner.await_ready(); }
  template <class H>
  auto await_suspend(H h) {
    return inner.await_suspend(h);
  }
  caught_outcome<result_type> await_resume() noexcept {
    try {
      return {inner.await_resume(), nullptr};
    } catch (...) {
      return {result_type{}, std::current_exception()};
    }
  }
};

// Runs `f` (plain code, outside any coroutine's try block) and returns what it raised, if anything.
template <class F>
std::exception_ptr call_caught(F&& f) noexcept {
  try {
    std::forward<F>(f)();
    return nullptr;
  } catch (...) {
    return std::current_exception();
  }
}

// As call_caught, for a Python exception only: a run's cap (limit_reached) ends the whole run, whichever
// interpreter reached it, so it goes on up.
template <class F>
std::exception_ptr python_error_of(F&& f) {
  std::exception_ptr e = call_caught(std::forward<F>(f));
  if (e) {
    try {
      std::rethrow_exception(e);
    } catch (const limit_reached&) {
      throw;
    } catch (...) {
    }
  }
  return e;
}

// An async generator's next step as an awaitable (`__anext__()`): runs its frame until it yields
// (the value) or returns (StopAsyncIteration).
value asyncgen_anext(interpreter& in, const value& gen);
// anext(it) / anext(it, default) (`fallback` empty when not given): an awaitable of the next item.
value anext_awaitable(interpreter& in, const value& it, const value& fallback);

}  // namespace asyncrace::python
