// A real executor on native threads: N std::thread workers, started when the pool is made (ahead
// of the first job) and reused for every job, one FIFO job queue, and completions handed back to
// the event loop through event_loop::external_done (CPython's call_soon_threadsafe).
//
// One job's way:
//   loop thread   submit: loop.external_begin() (while real work is out, the loop's clock is the
//                 wall clock and an idle loop waits instead of reporting a deadlock: event_loop.hpp),
//                 the job is queued with its loop time and wall-clock instant.
//   worker        takes the oldest job, runs it with a real job_context (time.sleep really
//                 sleeps, cpu_bound runs the seed's real loop), measures its start and end, and
//                 hands a completion to loop.external_done. It touches nothing of the loop else.
//   loop thread   the completion runs in the next iteration: the observer's executor_job hook
//                 gets the pool lane (worker, what, queued, start, end on the loop's clock), then
//                 the job's deliver sets the asyncio future (futures._chain_future's _set_state),
//                 and the awaiting task wakes in the iteration after.
// A completion carries what it reports, not the pool: the pool may be gone by then.
//
// Faults:
//   - a job that throws: run_job keeps the exception, the awaiter gets it;
//   - a worker that dies (job_context::terminate_worker, os._exit in CPython's worker): its job
//     fails with BrokenProcessPool, the thread ends and a new one takes its lane; queued jobs
//     belong to the pool, not to the worker, and run on;
//   - a job that hangs: wait_for cancels the awaiter's future (TimeoutError); a native thread
//     cannot be killed, so the worker stays with the job until it returns, then takes the next
//     one (recycled); its late outcome is dropped (the future is cancelled). A job that never
//     returns keeps its thread, and the pool's destruction (and the loop's) waits for it, as
//     CPython's exit joins executor threads; the browser's Web Workers can be terminated.
// shutdown(wait=true) blocks the loop's thread until the queue is empty and no job runs (the
// loop's clock accounts for the measured wait); the workers then leave, joined when the pool is
// destroyed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "asyncio/job_context.hpp"
#include "loop/executor.hpp"

namespace asyncrace::pool {

class native_pool final : public executor {
 public:
  explicit native_pool(int workers);  // ValueError for workers <= 0
  ~native_pool() override;            // runs what is queued, joins every thread
  native_pool(const native_pool&) = delete;
  native_pool& operator=(const native_pool&) = delete;

  void submit(executor_job& job) override;  // on the loop's thread
  void shutdown(bool wait = true) override;
  bool idle() const override;
  std::uint32_t id() const override { return id_; }

  int workers() const { return static_cast<int>(threads_.size()); }
  int replaced_workers() const;  // workers that died and were replaced

 private:
  struct queued_job;
  void work(std::size_t lane);  // one worker thread's life
  static void completed(void* done);
  static void dropped(void* done);

  mutable std::mutex mutex_;
  std::condition_variable has_work_;  // workers wait here
  std::condition_variable drained_;   // shutdown(wait) waits here
  std::deque<queued_job*> queue_;
  std::vector<std::thread> threads_;  // one per lane
  std::vector<std::thread> dead_;     // threads of workers that died, joined at the end
  std::size_t running_ = 0;
  int replaced_ = 0;
  bool stopping_ = false;  // workers leave once the queue is empty
  bool shut_down_ = false;
  std::uint32_t id_;
};

// The factory a loop is given (loop_options::executors): every pool it makes has
// min(max_workers, workers) native workers.
class native_executors final : public executor_factory {
 public:
  explicit native_executors(int workers) : workers_(workers) {}
  std::unique_ptr<executor> make(pool_kind kind, int max_workers) const override;
  int workers() const { return workers_; }

 private:
  int workers_;
};

}  // namespace asyncrace::pool
