// Seed 001, In [33]: three blocking calls through asyncio.to_thread.
// In [32] (example 3: delegating blocking work to threads and processes) defines the functions.
#include <cstdint>
#include <vector>

#include "program/py_time.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/cpu_tasks.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::to_thread {

using cpu_tasks::cpu_bound;  // from cpu_tasks import cpu_bound

// Runs on a pool worker (virtual, a thread or a Web Worker), whose own clock the job is given.
int blocking_io(job_context& job, int x) {
  job.sleep(1);  // time.sleep(1): only this worker waits
  return x * 2;
}
ASYNCRACE_WORKER_FUNCTION("to_thread.blocking_io", blocking_io);  // can run on a Web Worker

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

// The notebook cell `await using_to_thread()` runs as asyncio.run(...).
program script() { co_await asyncio::run(using_to_thread()); }

}  // namespace asyncrace::tutorials::to_thread

namespace asyncrace::tutorials {
extern const tutorial_info to_thread_info{
    .slug = "to_thread",
    .seed = "001",
    .topic = "executors",
    .title = "asyncio.to_thread: three one-second blocking calls on three threads, one second",
    .explanation =
        "Each asyncio.to_thread hands blocking_io to the loop's default thread pool (12 workers "
        "here, as CPython sizes it for 8 CPUs). The three time.sleep(1) run on three worker "
        "threads at once while the loop stays free: elapsed 1.0, results in argument order. The "
        "diagram shows the three jobs on the pool's lanes.\n\n"
        "The workers are virtual: a time.sleep in a job moves only its worker's clock, and the "
        "result reaches the loop at the job's end (a few loop iterations, no time). The seed's "
        "1.0005 s was real thread overhead.\n\n"
        "Choose Web Workers in the toolbar's workers control and the three sleeps really block three "
        "workers for a second each (with fewer workers than jobs, the rest wait in the queue).",
    .script = &to_thread::script,
};
}  // namespace asyncrace::tutorials
