// asyncio.to_thread(fn, *args): a coroutine that runs fn(args...) on the loop's default executor
// (a ThreadPoolExecutor made on first use) and returns its result. As in CPython, fn runs in a
// copy of the caller's context: the caller's ContextVars are visible in the thread, and what fn
// sets there stays there.
#pragma once

#include "asyncio/run_in_executor.hpp"
#include "loop/task.hpp"
#include "pyrt/context.hpp"

namespace asyncrace {

template <class F, class... A>
task<detail::job_result_t<F, A...>> to_thread(F fn, A... args) {
  // tasks are lazy, like coroutines: the context is copied when the coroutine runs, as in CPython
  event_loop& loop = *event_loop::current();
  auto result = detail::submit_call(loop, default_executor(loop), copy_context(), std::move(fn), std::move(args)...);
  if constexpr (std::is_void_v<detail::job_result_t<F, A...>>)
    co_await result;
  else
    co_return co_await result;
}

}  // namespace asyncrace
