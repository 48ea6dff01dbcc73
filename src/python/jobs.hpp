// Python functions run by the executors (concurrent.futures' pools, loop.run_in_executor,
// asyncio.to_thread). A virtual worker runs its job at once, on the loop's thread, but on the
// worker's own clock (asyncio/job_context.hpp): while a job's Python function runs, time.sleep and
// time.time (module_time.cpp) and cpu_bound (module_cpu_tasks.cpp) use that clock, found here.
#pragma once

#include <memory>
#include <utility>
#include <vector>

#include "asyncio/job_context.hpp"
#include "interpreter.hpp"

namespace asyncrace {
class event_loop;
}

namespace asyncrace::python {

class process_workers;

// The job whose Python function runs now on this thread (null: the loop's own thread).
job_context* running_job();

// What a job left, for a concurrent.futures.Future that reads it before the loop hears of it:
// its end on its worker's clock, and its outcome.
struct job_outcome {
  bool ran = false;
  double end = 0.0;
  value result;
  std::exception_ptr error;
};

// fn(*args, **kwargs) as an executor job: the callable the scheduler's submit_call runs on a
// worker (its job_context first). Owns its arguments; they die in their interpreter.
struct python_job {
  python_job(interpreter& in, value fn, std::vector<value> args, std::vector<std::pair<str_object*, value>> kwargs,
             std::shared_ptr<job_outcome> out = nullptr);
  python_job(python_job&&) noexcept = default;
  python_job& operator=(python_job&&) noexcept = default;
  ~python_job();
  value operator()(job_context& job);

  interpreter* in;
  value fn;
  std::vector<value> args;
  std::vector<std::pair<str_object*, value>> kwargs;
  std::shared_ptr<job_outcome> out;
  // On a ProcessPoolExecutor (process_pool.hpp): the call travels pickled to the job's worker
  // process (args and kwargs stay empty), or it could not be pickled: the job raises that.
  std::shared_ptr<process_workers> processes;
  std::string pickled_call;
  std::exception_ptr pickling_error;
};

// The executors need the running loop (CPython's virtual pools call get_running_loop): it, or
// RuntimeError("no running event loop"). On real workers only a ProcessPoolExecutor runs
// interpreted functions (process_worker.hpp); a thread pool's job raises RuntimeError there.
event_loop& loop_for_jobs(interpreter& in);

}  // namespace asyncrace::python
