// Executors: loop.run_in_executor, concurrent.futures' ThreadPoolExecutor and ProcessPoolExecutor,
// in the model page's VIRTUAL mode (docs/asyncio-model.md, "Executors"): a pool of N virtual
// workers; a call goes to the worker free first (lowest index on ties) and starts at
// max(now, that worker's free time). The job runs at once, on its worker's clock (job_context), so
// a time.sleep in it delays only that worker; its result reaches the loop at its end time.
//
// The delivery mirrors CPython's chain, one loop iteration per link: the job's end is a timer
// (the concurrent future completes; its done-callback calls loop.call_soon_threadsafe(_set_state)),
// _set_state sets the asyncio future in the next iteration (futures._chain_future), and the
// awaiting task wakes in the one after. An awaiter that gave up (cancelled) does not stop the
// job: a running thread cannot be cancelled, and the worker stays busy until the job's end.
//
// `executor` is the one interface both modes plug into: a real pool (src/pool: std::thread
// natively; Web Workers in the browser) takes the same executor_job, gives its run a real
// job_context (its sleep really sleeps, its time is measured) and hands the outcome back through
// event_loop::external_done. Which one the seed's `ThreadPoolExecutor()` makes is the loop's
// choice (loop_options::executors): thread_pool_executor and process_pool_executor are facades
// over the pool the loop's executor_factory makes, a virtual_pool without one.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "context.hpp"
#include "event_loop.hpp"
#include "future_handle.hpp"
#include "gather.hpp"
#include "job_wire.hpp"
#include "task_driver.hpp"

namespace asyncrace {

// What a job sees of the worker running it: the worker's own clock. A virtual worker cannot
// measure real work, so a job declares what it costs: `sleep` for time.sleep (blocking I/O),
// `spend` for CPU time. The first function to call either names the job (for traces).
// On a real worker (real()) the clock is the wall clock: sleep really blocks the worker, spend
// only names the job (the work itself took the time), time() is measured.
class job_context {
 public:
  explicit job_context(double start) : now_(start) {}
  struct real_worker {};
  // A real worker's job, queued at loop time `queued`, i.e. at wall-clock instant `queued_wall`.
  job_context(real_worker, double queued, std::chrono::steady_clock::time_point queued_wall)
      : now_(queued), wall_origin_(queued_wall), real_(true) {}

  double time() const;  // time.time() inside the job
  // time.sleep(seconds) on a worker: only this worker waits.
  void sleep(double seconds, const char* caller = __builtin_FUNCTION()) { advance(seconds, caller, true); }
  // CPU time the job costs (cpu_bound's measured 0.145 s).
  void spend(double seconds, const char* caller = __builtin_FUNCTION()) { advance(seconds, caller, false); }
  const char* what() const { return what_ ? what_ : "job"; }
  bool real() const { return real_; }
  // os._exit() in a pool worker: the worker dies with this job, which fails with a broken-pool
  // error (BrokenProcessPool); the pool replaces the worker. Fault drills and tests use it.
  [[noreturn]] void terminate_worker();
  bool worker_terminated() const { return terminated_; }

 private:
  void advance(double seconds, const char* caller, bool sleeping);

  double now_;
  std::chrono::steady_clock::time_point wall_origin_{};
  const char* what_ = nullptr;
  bool real_ = false;
  bool terminated_ = false;
};

// What terminate_worker throws through the job's frames (no std::exception: a job's own
// catch (const std::exception&) does not stop it); run_job turns it into the broken-pool error.
struct worker_death {};
// CPython's BrokenProcessPool, as a job's awaiter sees it when the worker running it died.
py_exception broken_pool_error();

// One call handed to an executor, type-erased with function pointers (style.md).
struct executor_job {
  void (*run)(executor_job&, job_context&);  // calls the function and keeps its outcome
  void (*deliver)(executor_job&);            // on the loop: the outcome reaches the asyncio future
  void (*drop)(executor_job&);               // never delivered (its loop was destroyed first)
  event_loop* loop = nullptr;
  task_id for_task = no_task;                // the task that submitted it (for traces)
  void* executor_data = nullptr;             // the executor's own bookkeeping while in flight
  // For workers that share no memory with the loop (job_wire.hpp, the page's Web Workers):
  // the call as a message (false when it has none: not a worker function, or an argument or
  // result a message cannot carry), and its outcome from one, kept as run would keep it.
  bool (*encode)(executor_job&, std::string& call) = nullptr;
  void (*decode)(executor_job&, const wire::outcome& outcome) = nullptr;
  // True once the awaiting future is cancelled (wait_for gave up): nobody waits for the outcome.
  bool (*abandoned)(const executor_job&) = nullptr;
};

class executor {
 public:
  virtual ~executor() = default;
  // Runs `job` on a worker; once it has finished, has job.loop call job.deliver through its ready
  // queue (CPython: the concurrent future's callback → loop.call_soon_threadsafe(_set_state)).
  // RuntimeError after shutdown, as CPython's "cannot schedule new futures after shutdown".
  virtual void submit(executor_job& job) = 0;
  // Executor.shutdown(wait): no new jobs; with wait, the calling thread blocks until every job
  // has ended (`with ThreadPoolExecutor() as pool:` does this on leaving the block).
  virtual void shutdown(bool wait = true) = 0;
  virtual bool idle() const = 0;             // no job in flight
  virtual std::uint32_t id() const = 0;      // observers' pool number, unique in the process
};

// A new pool number (virtual and real pools share the numbering).
std::uint32_t next_executor_id();

enum class pool_kind : std::uint8_t { thread, process };

// Makes the real pools of a loop (loop_options::executors; src/pool).
class executor_factory {
 public:
  virtual ~executor_factory() = default;
  // A pool for `ThreadPoolExecutor(max_workers)` / `ProcessPoolExecutor(max_workers)`
  // (max_workers > 0, the CPython default already applied).
  virtual std::unique_ptr<executor> make(pool_kind kind, int max_workers) const = 0;
  // True when its pools' completions arrive on the loop's own thread between iterations (the
  // browser's Web Workers): the loop must then never wait for them (event_loop.hpp).
  virtual bool hands_back_between_iterations() const { return false; }
};

// A pool of N virtual workers (see the top of this file).
class virtual_pool : public executor {
 public:
  explicit virtual_pool(int max_workers);
  ~virtual_pool() override;
  virtual_pool(const virtual_pool&) = delete;
  virtual_pool& operator=(const virtual_pool&) = delete;

  void submit(executor_job& job) override;
  // Blocks the running loop (time passes, nothing runs) until the last job's end.
  void shutdown(bool wait = true) override;

  int max_workers() const { return static_cast<int>(contexts_.size()); }
  bool idle() const override;
  std::uint32_t id() const override { return id_; }

 private:
  struct state;  // worker free times: shared with the jobs in flight
  static void job_ended(void* job);
  static void job_dropped(void* job);

  state* state_;
  // Each worker thread's own context (a new thread's is empty; it keeps what its jobs set).
  std::vector<context> contexts_;
  std::uint32_t id_;
  bool shut_down_ = false;
};

// The reference transcripts' os.cpu_count().
inline constexpr int default_cpu_count = 8;

// A pool the code creates (`ThreadPoolExecutor()`, `ProcessPoolExecutor()`): the running loop's
// executor_factory makes it, or it is a virtual_pool. ValueError for max_workers <= 0 either way.
class pool_executor : public executor {
 public:
  void submit(executor_job& job) override { impl_->submit(job); }
  void shutdown(bool wait = true) override { impl_->shutdown(wait); }
  bool idle() const override { return impl_->idle(); }
  std::uint32_t id() const override { return impl_->id(); }
  bool real() const { return real_; }

 protected:
  pool_executor(pool_kind kind, int max_workers, const event_loop* loop = event_loop::current());

 private:
  std::unique_ptr<executor> impl_;
  bool real_ = false;
};

// concurrent.futures.ThreadPoolExecutor(max_workers): by default min(32, cpu_count + 4) workers.
class thread_pool_executor : public pool_executor {
 public:
  explicit thread_pool_executor(std::optional<int> max_workers = std::nullopt, int cpu_count = default_cpu_count)
      : pool_executor(pool_kind::thread, max_workers.value_or(std::min(32, cpu_count + 4))) {}
};

// concurrent.futures.ProcessPoolExecutor(max_workers): by default cpu_count workers. (A job's
// writes to globals would stay in its process; a virtual job, or a native real one, runs in this one.)
class process_pool_executor : public pool_executor {
 public:
  explicit process_pool_executor(std::optional<int> max_workers = std::nullopt, int cpu_count = default_cpu_count)
      : pool_executor(pool_kind::process, max_workers.value_or(cpu_count)) {}
};

// The loop's default executor (loop._default_executor): a ThreadPoolExecutor made on first use.
executor& default_executor(event_loop& loop);

// The seed's CPU-bound job (model page): the sum over i in [0, 2000000) of (i*i) % (n+1) in
// 64-bit integers — exactly CPython's values — costing the seed's measured 0.145 s of CPU.
// cpu_bound_sum computes it in O(n); cpu_bound_loop is the seed's real 2,000,000-step loop, which
// a real worker runs (its cost is then measured, not declared).
inline constexpr double cpu_bound_seconds = 0.145;
std::int64_t cpu_bound_sum(std::int64_t n);
std::int64_t cpu_bound_loop(std::int64_t n);
inline std::int64_t cpu_bound(job_context& job, std::int64_t n) {
  const std::int64_t s = job.real() ? cpu_bound_loop(n) : cpu_bound_sum(n);
  job.spend(cpu_bound_seconds);  // on a real worker: names the job (the loop above took the time)
  return s;
}

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

// asyncio.gather(*futures) over the futures run_in_executor returns (the seed's
// `gather(*[loop.run_in_executor(pool, f, i) ...])`): no Task per child, each future's
// completion reaches the gather through its own done-callback → std::vector of results.
template <class T>
gather_future<std::vector<stored_t<T>>> gather(std::vector<future_handle<T>> futures) {
  using result = std::vector<stored_t<T>>;
  event_loop& loop = *event_loop::current();
  std::vector<future_core*> children;
  children.reserve(futures.size());
  for (const future_handle<T>& f : futures) {
    f.state().add_ref();
    children.push_back(&f.state());
  }
  auto* s = new gather_state<result>(loop, std::move(children), no_task, [](const std::vector<future_core*>& c) {
    result out;
    out.reserve(c.size());
    for (future_core* f : c) out.push_back(static_cast<future_state<T>*>(f)->result());
    return out;
  });
  return gather_future<result>{ref<gather_state<result>>(s)};
}

}  // namespace asyncrace
