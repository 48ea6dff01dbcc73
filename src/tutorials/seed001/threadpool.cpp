// Seed 001, In [34]: three blocking calls on a ThreadPoolExecutor.
// In [32] (example 3: delegating blocking work to threads and processes) defines the functions.
#include <cstdint>
#include <vector>

#include "program/py_time.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/cpu_tasks.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::threadpool {

using cpu_tasks::cpu_bound;  // from cpu_tasks import cpu_bound

// Runs on a pool worker (virtual, a thread or a Web Worker), whose own clock the job is given.
int blocking_io(job_context& job, int x) {
  job.sleep(1);  // time.sleep(1): only this worker waits
  return x * 2;
}
ASYNCRACE_WORKER_FUNCTION("threadpool.blocking_io", blocking_io);  // can run on a Web Worker

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

// The notebook cell `await using_threadpool()` runs as asyncio.run(...).
program script() { co_await asyncio::run(using_threadpool()); }

}  // namespace asyncrace::tutorials::threadpool

namespace asyncrace::tutorials {
extern const tutorial_info threadpool_info{
    .slug = "threadpool",
    .seed = "001",
    .topic = "executors",
    .title = "loop.run_in_executor on a ThreadPoolExecutor: three blocking calls, one second",
    .explanation =
        "The same three blocking calls as to_thread, now on a pool the code creates itself: "
        "ThreadPoolExecutor() has 12 workers, so the jobs run side by side and take 1.0 s. "
        "run_in_executor returns asyncio futures, not coroutines: gather wraps no Task around "
        "them, so the diagram shows one task and three pool lanes.\n\n"
        "Leaving `with` calls pool.shutdown(wait=True), which would block the loop until every job "
        "ends; here they have all ended already, so it costs nothing.\n\n"
        "Choose Web Workers in the toolbar's workers control and the three calls really block "
        "workers of a pool for a second each.",
    .script = &threadpool::script,
};
}  // namespace asyncrace::tutorials
