// What a job run by an executor sees of its worker: the worker's own clock (virtual or
// measured), and the worker's death (os._exit in a pool worker) as CPython's BrokenProcessPool.
#pragma once

#include <chrono>
#include <memory>

#include "pyrt/py_exception.hpp"

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
  // The worker running the job, numbered from 0 in its pool (-1: not said). A process pool's
  // worker keeps its own interpreter state from job to job (python/process_pool.hpp).
  int worker() const { return worker_; }
  void set_worker(int w) { worker_ = w; }
  // What a real worker keeps from one job to the next (a process pool worker's imported
  // interpreted program: python/process_worker.hpp). The worker owns it and destroys it on its
  // own thread as it ends, before the thread's thread_local state goes (the interpreter needs
  // that state to die). Null: the worker keeps nothing (a virtual worker).
  struct kept_state {
    virtual ~kept_state() = default;
  };
  std::unique_ptr<kept_state>* kept() const { return kept_; }
  void set_kept(std::unique_ptr<kept_state>* slot) { kept_ = slot; }

 private:
  void advance(double seconds, const char* caller, bool sleeping);

  double now_;
  std::chrono::steady_clock::time_point wall_origin_{};
  const char* what_ = nullptr;
  bool real_ = false;
  bool terminated_ = false;
  int worker_ = -1;
  std::unique_ptr<kept_state>* kept_ = nullptr;
};

// What terminate_worker throws through the job's frames (no std::exception: a job's own
// catch (const std::exception&) does not stop it); run_job turns it into the broken-pool error.
struct worker_death {};
// CPython's BrokenProcessPool, as a job's awaiter sees it when the worker running it died.
py_exception broken_pool_error();

}  // namespace asyncrace
