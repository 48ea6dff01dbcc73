// One call run by an executor, as the asyncio future of its outcome (wrap_future's destination).
// The delivery mirrors CPython's chain, one loop iteration per link: the job's end (a timer for a
// virtual worker) completes the concurrent future; its done-callback calls
// loop.call_soon_threadsafe(_set_state), _set_state sets the asyncio future in the next iteration
// (futures._chain_future), and the awaiting task wakes in the one after. An awaiter that gave up
// (cancelled) does not stop the job: a running thread cannot be cancelled, and the worker stays
// busy until the job's end. A call also travels as a message (asyncio/job_wire.hpp) to workers
// that share no memory with the loop.
#pragma once

#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "asyncio/job_context.hpp"
#include "asyncio/job_wire.hpp"
#include "loop/event_loop.hpp"
#include "loop/executor.hpp"
#include "loop/future_handle.hpp"
#include "loop/task_driver.hpp"
#include "pyrt/context.hpp"

namespace asyncrace {

namespace detail {
// fn(job, args...) when fn takes the worker's job_context first, else fn(args...).
template <class F, class... A>
decltype(auto) invoke_job(F& fn, job_context& job, A&... args) {
  if constexpr (std::is_invocable_v<F&, job_context&, A&...>)
    return std::invoke(fn, job, args...);
  else
    return std::invoke(fn, args...);
}
template <class F, class... A>
using job_result_t =
    std::decay_t<decltype(invoke_job(std::declval<F&>(), std::declval<job_context&>(), std::declval<A&>()...))>;

// The asyncio future of one call (wrap_future's destination), carrying the call itself and, once
// it ran, its outcome (the concurrent future's state).
template <class R, class F, class... A>
class executor_call final : public future_state<R>, public executor_job {
 public:
  executor_call(event_loop& on, F fn, std::tuple<A...> args, std::optional<context> in)
      : future_state<R>(on),
        executor_job{&run_job, &deliver_job, &drop_job, &on, running_task()},
        fn_(std::move(fn)),
        args_(std::move(args)),
        in_(std::move(in)) {
    encode = &encode_job;
    decode = &decode_job;
    abandoned = [](const executor_job& j) { return static_cast<const executor_call&>(j).cancelled(); };
  }

 private:
  static task_id running_task() {
    task_driver* d = task_driver::running();
    return d ? d->id : no_task;
  }
  void call(job_context& job) {
    auto invoke = [&](A&... a) -> decltype(auto) { return invoke_job(fn_, job, a...); };
    if constexpr (std::is_void_v<R>) {
      std::apply(invoke, args_);
      value_.emplace();
    } else {
      value_.emplace(std::apply(invoke, args_));
    }
  }
  static void run_job(executor_job& j, job_context& job) {
    auto& self = static_cast<executor_call&>(j);
    try {
      if (self.in_)
        self.in_->run([&] { self.call(job); });  // to_thread: functools.partial(ctx.run, func)
      else
        self.call(job);
    } catch (const worker_death&) {
      self.error_ = std::make_exception_ptr(broken_pool_error());
    } catch (...) {
      self.error_ = std::current_exception();
    }
  }
  // futures._copy_future_state: a cancelled destination keeps its cancellation.
  static void deliver_job(executor_job& j) {
    auto& self = static_cast<executor_call&>(j);
    if (!self.cancelled()) {
      if (self.error_)
        self.set_exception(self.error_);
      else
        self.set_result(std::move(*self.value_));
    }
    self.release();
  }
  // Never delivered (its loop is gone): nobody can run its callbacks, which may hold references
  // to what awaits it (a gather holds it too: the cycle ends here).
  static void drop_job(executor_job& j) {
    auto& self = static_cast<executor_call&>(j);
    self.discard_callbacks();
    self.release();
  }
  // A job for a worker in another memory (to_thread's context copy does not travel: the
  // worker's function sees an empty context there).
  static bool encode_job(executor_job& j, std::string& call) {
    if constexpr (wire::carried_result<R> && (wire::carried<A> && ...)) {
      auto& self = static_cast<executor_call&>(j);
      const wire::worker_function* f = wire::find_key(wire::key_of(self.fn_));
      if (f == nullptr) return false;
      wire::writer w;
      w.put(f->name);
      std::apply([&](const A&... a) { (w.put(a), ...); }, self.args_);
      call = w.take();
      return true;
    } else {
      return false;
    }
  }
  static void decode_job(executor_job& j, const wire::outcome& outcome) {
    auto& self = static_cast<executor_call&>(j);
    wire::reader rest(outcome.payload);
    try {
      switch (outcome.how) {
        case wire::ending::returned:
          if constexpr (std::is_void_v<R>) {
            self.value_.emplace();
          } else if constexpr (wire::carried_result<R>) {
            self.value_.emplace(rest.template get<R>());
          }
          break;
        case wire::ending::raised: {
          std::string type = rest.get<std::string>();
          std::string message = rest.get<std::string>();
          self.error_ = std::make_exception_ptr(py_exception(std::move(type), message));
          break;
        }
        case wire::ending::worker_died:
          self.error_ = std::make_exception_ptr(broken_pool_error());
          break;
      }
    } catch (const wire::wire_error&) {
      self.error_ = std::current_exception();
    }
  }

  F fn_;
  std::tuple<A...> args_;
  std::optional<context> in_;  // the context the call runs in (to_thread's copy), else the worker's
  std::optional<stored_t<R>> value_;
  std::exception_ptr error_;
};

template <class F, class... A>
future_handle<job_result_t<F, A...>> submit_call(event_loop& loop, executor& ex, std::optional<context> in, F fn,
                                                 A... args) {
  using R = job_result_t<F, A...>;
  auto* call = new executor_call<R, F, A...>(loop, std::move(fn), std::tuple<A...>(std::move(args)...), std::move(in));
  future_handle<R> handle{ref<future_state<R>>(call)};
  call->add_ref();  // the executor's, until the outcome is delivered (or dropped)
  try {
    ex.submit(*call);
  } catch (...) {
    call->release();
    throw;
  }
  return handle;
}
}  // namespace detail

}  // namespace asyncrace
