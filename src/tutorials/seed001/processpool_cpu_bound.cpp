// Seed 001, the last cell: 30 cpu_bound calls on a ProcessPoolExecutor.
// In [32] (example 3: delegating blocking work to threads and processes) defines the functions.
#include <cstdint>
#include <vector>

#include "program/py_time.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/cpu_tasks.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::processpool_cpu_bound {

using cpu_tasks::cpu_bound;  // from cpu_tasks import cpu_bound

// Runs on a pool worker (virtual, a thread or a Web Worker), whose own clock the job is given.
int blocking_io(job_context& job, int x) {
  job.sleep(1);  // time.sleep(1): only this worker waits
  return x * 2;
}
ASYNCRACE_WORKER_FUNCTION("processpool_cpu_bound.blocking_io", blocking_io);  // can run on a Web Worker

task<> using_to_thread() {
  const double t0 = time::time();
  auto res = co_await asyncio::gather(
      asyncio::to_thread(blocking_io, 1),
      asyncio::to_thread(blocking_io, 2),
      asyncio::to_thread(blocking_io, 3));
  print("to_thread elapsed", time::time() - t0, py_repr(res));
}

task<> using_threadpool() {
  const double t0 = time::time();
  // run_in_executor submits to the running loop (asyncio.get_running_loop()).
  {
    thread_pool_executor pool;  // with ThreadPoolExecutor() as pool:
    std::vector<future_handle<int>> tasks;
    for (int i = 0; i < 3; ++i) tasks.push_back(run_in_executor(pool, blocking_io, i));
    auto res = co_await asyncio::gather(std::move(tasks));
    print("threadpool elapsed", time::time() - t0, py_repr(res));
    pool.shutdown();  // leaving the with block waits for the pool's jobs
  }
}

task<> using_processpool(int n_tasks = 30) {
  const double t0 = time::time();
  // run_in_executor submits to the running loop (asyncio.get_running_loop()).
  {
    process_pool_executor pool;  // with ProcessPoolExecutor() as pool:
    std::vector<future_handle<std::int64_t>> tasks;
    for (int i = 0; i < n_tasks; ++i) tasks.push_back(run_in_executor(pool, cpu_bound, i));
    auto res = co_await asyncio::gather(std::move(tasks));
    print("processpool elapsed", time::time() - t0, "results:", py_repr(res));
    pool.shutdown();  // leaving the with block waits for the pool's jobs
  }
}

// The notebook cell `await using_processpool(n_tasks=30)` runs as asyncio.run(...).
program script() { co_await asyncio::run(using_processpool(/*n_tasks=*/30)); }

}  // namespace asyncrace::tutorials::processpool_cpu_bound

namespace asyncrace::tutorials {
extern const tutorial_info processpool_cpu_bound_info{
    .slug = "processpool_cpu_bound",
    .seed = "001",
    .topic = "executors",
    .title = "30 cpu_bound calls on a ProcessPoolExecutor with 8 workers: 4 rounds, 0.58 s",
    .explanation =
        "ProcessPoolExecutor() has one worker per CPU: 8 here. 30 jobs of 0.145 s each go to the "
        "worker free first, so they run in 4 rounds (8, 8, 8, 6): 0.58 s instead of 30 x 0.145 = "
        "4.35 s on one thread. The pool's lanes in the diagram show the rounds; the results come "
        "back in submission order.\n\n"
        "The seed measured 0.82 s: real processes cost time to start and to pass arguments and "
        "results, which the virtual pool leaves out. The comment \"Lambda simples: calcula x*x\" "
        "is wrong: there is no lambda, and each job computes cpu_bound(i), a sum of squares modulo "
        "i + 1.\n\n"
        "Choose Web Workers in the toolbar's workers control to run the 30 loops for real, in "
        "parallel: one lane per worker, times measured, and the same 30 results.",
    .script = &processpool_cpu_bound::script,
};
}  // namespace asyncrace::tutorials
