// Seed 001, In [35]: one cpu_bound call on the loop thread.
// In [32] (example 3: delegating blocking work to threads and processes) defines the functions.
#include <cstdint>
#include <vector>

#include "program/py_time.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/cpu_tasks.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::single_cpu_bound {

using cpu_tasks::cpu_bound;  // from cpu_tasks import cpu_bound

// Runs on a pool worker (virtual, a thread or a Web Worker), whose own clock the job is given.
int blocking_io(job_context& job, int x) {
  job.sleep(1);  // time.sleep(1): only this worker waits
  return x * 2;
}
ASYNCRACE_WORKER_FUNCTION("single_cpu_bound.blocking_io", blocking_io);  // can run on a Web Worker

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

// In [35], module-level code: no event loop runs, the call blocks the thread.
program script() {
  // time to single bound:
  const double t0 = time::time();
  cpu_bound(1);
  print("single cpu_bound elapsed", time::time() - t0);
  co_return;
}

}  // namespace asyncrace::tutorials::single_cpu_bound

namespace asyncrace::tutorials {
extern const tutorial_info single_cpu_bound_info{
    .slug = "single_cpu_bound",
    .seed = "001",
    .topic = "blocking the loop",
    .title = "One cpu_bound call on the main thread: 0.145 s of CPU",
    .explanation =
        "The baseline for the process pool: one cpu_bound call, made directly by module code, "
        "costs the seed's measured 0.145 s, and the thread can do nothing else meanwhile. Had an "
        "event loop been running, every task would have waited, as behind time.sleep.\n\n"
        "The seed's cpu_bound comes from its own cpu_tasks module (the version in the cell is "
        "commented out). Here cpu_bound(n) computes the same sum, sum((i*i) % (n+1) for i < 2000000), "
        "and declares a cost of 0.145 s on the virtual clock instead of measuring one.",
    .script = &single_cpu_bound::script,
};
}  // namespace asyncrace::tutorials
