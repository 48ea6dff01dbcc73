// A real executor on workers that share no memory with the loop: the page's Web Workers
// (web_pool.cpp), reached through a transport that starts, messages and terminates them. Each
// call travels as a message (asyncio/job_wire.hpp); its outcome comes back as one, between two
// iterations of the loop, on the loop's own thread (the browser's main thread never waits).
//
// One set of workers serves every run of the page (message_workers): they are started ahead of
// need (a Web Worker's first start costs ~150 ms: script and wasm load) and reused. A pool made
// for a run (message_pool, one per ThreadPoolExecutor / ProcessPoolExecutor / default executor)
// is a view on that set: its lanes are workers 0 … lanes-1, jobs queued in submission order.
// A worker runs one job at a time, and has the next ones posted already (`depth()`): a reply
// reaches the page only when its main thread is free, and the worker should not idle meanwhile.
// How many: as many of the same function's jobs, measured so far, as cover a frame drawn in
// software (Chromium's main thread then waits ~50-90 ms for each 1280x800 frame to be drawn), at
// least 3 and at most 24; a long job waits in the shared queue for whichever worker frees first,
// as concurrent.futures' jobs do. A job's start is measured on the worker, so the lanes show the
// time it really waited.
//
// One job's way:
//   submit      loop.external_begin(); the job is encoded (a function that is no worker function
//               fails at once, with a message saying so) and queued with its loop time
//   dispatch    the first queued job whose pool may use a free worker is posted to it
//   reply       the worker's message: its measured start and end, the outcome; the job goes back
//               to the loop (external_done), where the observer's executor_job hook gets its
//               lane and the outcome reaches the awaiting future (executor_job::decode/deliver)
// Faults:
//   - a job that raises: the exception's type and message reach the awaiter;
//   - a worker that dies (its job called terminate_worker, or the worker crashed): failed() fails
//     its job with BrokenProcessPool, terminates what is left of it and starts a fresh one in its
//     slot; the job posted behind it goes back to the queue's front; queued jobs run on;
//   - a job nobody awaits any more (wait_for gave up): recycle_abandoned() terminates its worker
//     and starts a fresh one (a Web Worker can be terminated, a thread cannot);
//   - a run that ends with jobs out (the page's Re-run, its close): its factory's destruction
//     drops them, recycling the workers they were on.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "asyncio/job_context.hpp"
#include "loop/executor.hpp"

namespace asyncrace::pool {

// Where the workers live (the page: Web Workers; tests: an in-process stand-in).
class transport {
 public:
  virtual ~transport() = default;
  virtual void start(int slot) = 0;  // a fresh worker in `slot` (whatever was there is gone)
  virtual void post(int slot, std::uint32_t serial, std::string_view call) = 0;
  virtual void terminate(int slot) = 0;
  // The clock the workers' reported instants are on, in milliseconds (the page: Unix epoch).
  virtual double wall_ms() const = 0;
};

// A reply message: the job's start and end on the transport's clock (ms), then its outcome.
std::string reply_message(double start_ms, double end_ms, std::string_view outcome);

class message_workers {
 public:
  explicit message_workers(transport& t) : transport_(&t) {}
  ~message_workers();
  message_workers(const message_workers&) = delete;
  message_workers& operator=(const message_workers&) = delete;

  // Starts workers until there are `n` (never fewer than there are).
  void prestart(int n);
  int started() const { return static_cast<int>(slots_.size()); }
  int replaced() const { return replaced_; }  // workers that died or were recycled
  int busy() const;                           // workers running a job now

  // From the transport: a worker's reply to job `serial`; a worker that died.
  void reply(int slot, std::uint32_t serial, std::string_view message);
  void failed(int slot);
  // Terminates and replaces each worker whose job nobody awaits any more; true if it did.
  bool recycle_abandoned();

  // From pools and factories.
  void submit(executor_job& job, const void* owner, std::uint32_t pool, int lanes);
  bool idle(std::uint32_t pool) const;
  bool any_jobs() const { return !queue_.empty() || busy() > 0; }
  void drop_owner(const void* owner);  // a run's end: its jobs never come back

 private:
  struct job;
  static constexpr std::size_t min_depth = 3;  // before any job came back, and for long jobs
  static constexpr std::size_t max_depth = 24;
  static constexpr double cover_ms = 100.0;  // the work to have posted to each worker
  std::size_t depth(const job& j) const;    // jobs posted to one worker at a time, behind `j`
  struct slot {
    std::deque<job*> posted;  // front: the one running; a reply answers it (FIFO on the worker)
  };
  job* running(int slot) const;
  void dispatch();
  void hand_back(job* j);             // to its loop, which runs completed (or dropped) next
  static void completed(void* job);  // on the loop: the lane, then the outcome to the future
  static void dropped(void* job);
  void recycle(int slot);       // a fresh worker; what was posted to the old one is queued again
  void stop_running(int slot);  // its running job handed back as died

  transport* transport_;
  std::vector<slot> slots_;
  std::deque<job*> queue_;
  std::uint32_t serials_ = 0;
  int replaced_ = 0;
  // A job's time on its worker, averaged over the recent replies, by function (absent: none yet).
  std::unordered_map<std::string, double> job_ms_;
};

// A pool for one ThreadPoolExecutor / ProcessPoolExecutor of one run.
class message_pool final : public executor {
 public:
  message_pool(message_workers& workers, const void* owner, int lanes);
  void submit(executor_job& job) override;
  // No new jobs. The browser's main thread cannot block: with wait, jobs still out go on and
  // come back through the loop (which waits for them as for any real work).
  void shutdown(bool wait = true) override;
  bool idle() const override { return workers_->idle(id_); }
  std::uint32_t id() const override { return id_; }
  int lanes() const { return lanes_; }

 private:
  message_workers* workers_;
  const void* owner_;
  int lanes_;
  std::uint32_t id_;
  bool shut_down_ = false;
};

// The factory a run's loop is given: pools of min(max_workers, workers) lanes on `set`.
class message_executors final : public executor_factory {
 public:
  message_executors(message_workers& set, int workers);
  ~message_executors() override;  // drops this run's jobs still out
  std::unique_ptr<executor> make(pool_kind kind, int max_workers) const override;
  bool hands_back_between_iterations() const override { return true; }
  int workers() const { return workers_; }

 private:
  message_workers* set_;
  int workers_;
};

}  // namespace asyncrace::pool
