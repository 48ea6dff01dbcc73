// Coroutine support in one place: g++ 12 ships <coroutine>, Emscripten 3.1.6's libc++ 13 only
// <experimental/coroutine>. Everything else in asyncrace spells `coro::`.
#pragma once

#if __has_include(<coroutine>)
#include <coroutine>
namespace asyncrace::coro {
using std::coroutine_handle;
using std::noop_coroutine;
using std::suspend_always;
using std::suspend_never;
}  // namespace asyncrace::coro
#else
#include <experimental/coroutine>
namespace asyncrace::coro {
using std::experimental::coroutine_handle;
using std::experimental::noop_coroutine;
using std::experimental::suspend_always;
using std::experimental::suspend_never;
}  // namespace asyncrace::coro
#endif
