// loop.run_in_executor(executor, fn, *args): the asyncio future of fn(args...) run by an
// executor (asyncio/executor_call.hpp), on a pool the code made or the loop's default executor.
#pragma once

#include <cstddef>
#include <utility>

#include "asyncio/executor_call.hpp"
#include "asyncio/pool_executor.hpp"

namespace asyncrace {

// loop.run_in_executor(executor, fn, *args) on the running loop: the asyncio future of
// fn(args...) run by `ex`. A function taking a job_context& first is given its worker's clock.
template <class F, class... A>
future_handle<detail::job_result_t<F, A...>> run_in_executor(executor& ex, F fn, A... args) {
  event_loop& loop = *event_loop::current();
  return detail::submit_call(loop, ex, std::nullopt, std::move(fn), std::move(args)...);
}

// loop.run_in_executor(None, fn, *args): on the loop's default executor.
template <class F, class... A>
future_handle<detail::job_result_t<F, A...>> run_in_executor(std::nullptr_t, F fn, A... args) {
  event_loop& loop = *event_loop::current();
  return detail::submit_call(loop, default_executor(loop), std::nullopt, std::move(fn), std::move(args)...);
}

}  // namespace asyncrace
