// The event loop on a virtual clock, iterating as CPython's BaseEventLoop._run_once does:
// due timers move to the ready queue (in tie-break order), then exactly the callbacks that were
// ready at that moment run, FIFO. With nothing ready the clock jumps to the next timer; with no
// timer either the run is deadlocked, which is reported instead of hanging.
//
// Real work off the loop's thread (a real executor, src/pool) comes back through its
// external_work (external_work.hpp: CPython's call_soon_threadsafe). While any of it is out, the
// clock is the wall clock:
//   - each iteration first adds the real time since the last one (time() is measured);
//   - with nothing ready the loop really waits, until its next timer is due or a completion
//     arrives, and with no timer either it waits for the completion instead of reporting a
//     deadlock; block_for (time.sleep on the loop's thread) really blocks.
// With nothing outstanding the clock jumps as in virtual mode, so a program that hands no work
// to real workers runs exactly as before, and one that does shows measured times only where
// real work was in flight. A loop destroyed with work outstanding first waits for it (as
// CPython's exit joins executor threads) and discards the completions.
// In the browser the loop's thread must never wait (external_work::may_wait): an iteration with
// nothing to do returns at once, waiting_for_external() tells the driver to return to the
// browser, and a loop destroyed with work outstanding leaves it to the factory (which drops it).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "loop/callback.hpp"
#include "loop/chunk_queue.hpp"
#include "loop/external_work.hpp"
#include "loop/never_awaited.hpp"
#include "loop/observer.hpp"
#include "loop/task_registry.hpp"
#include "loop/tie_policy.hpp"
#include "loop/timer_heap.hpp"
#include "pyrt/py_random.hpp"

namespace asyncrace {

class task_driver;
class future_core;
class python_source;
class executor;
class executor_factory;

// Nothing is ready, no timer is scheduled, and the awaited task has not finished.
class deadlock_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct loop_options {
  tie_policy ties = tie_policy::fifo;
  std::uint64_t jitter_seed = 1;
  double jitter_us = 0.0;  // jitter policy: uniform [0, jitter_us) µs added to each deadline
  // Makes the loop's pools (ThreadPoolExecutor, ProcessPoolExecutor, the default executor):
  // null for virtual workers (asyncio/virtual_pool.hpp), else real ones (src/pool). Not owned.
  const executor_factory* executors = nullptr;
};

class event_loop {
 public:
  explicit event_loop(const loop_options& options = {});
  ~event_loop();
  event_loop(const event_loop&) = delete;
  event_loop& operator=(const event_loop&) = delete;

  // The loop running on this thread (asyncio.get_running_loop()): set while run_once runs;
  // nullptr otherwise.
  static event_loop* current();

  double time() const { return now_; }
  // `kind` says what the entry is for the loop's snapshots (loop_observer::iteration); a
  // callback that steps a task (task_driver::step_callback) is recognised by itself.
  void call_soon(callback cb, ready_kind kind = ready_kind::call_soon) {
    ready_.push_back(cb);
    if (steps_) tag_ready(cb, kind);
  }
  timer_id call_at(double when, callback cb, ready_kind kind = ready_kind::timer) {
    return schedule(when, cb, kind, nullptr);
  }
  timer_id call_later(double delay, callback cb, ready_kind kind = ready_kind::timer) {
    return schedule(now_ + delay, cb, kind, nullptr);
  }
  // call_later that also says the deadline the timer got (with the jitter policy it differs from
  // time() + delay): asyncio.sleep's wait shows it.
  timer_id call_later(double delay, callback cb, ready_kind kind, double& deadline) {
    return schedule(now_ + delay, cb, kind, &deadline);
  }
  void cancel_timer(timer_id id);

  // One iteration; false when there was nothing to do at all (no ready callback, no timer, no
  // real work out). With work out that hands back between iterations, an iteration may do nothing.
  bool run_once();
  // Virtual time at which the next iteration would run; infinity when idle.
  double next_event_time() const;
  bool idle() const { return ready_.empty() && timers_.empty() && !mid_iteration(); }
  // A Task's step stopped at the end of the page's slice of work (task_driver::pause_step): the
  // iteration is not over; the next run_once goes on with that step, then the rest of the batch.
  void pause_iteration(task_driver& d) { paused_ = &d; }
  // The page's slice of wall time ends at `end` (time_point::max(), the default: never). A batch
  // still running then stops between two of its callbacks and the next run_once goes on with
  // the rest, so a million steps in one iteration never freeze the tab; as with a paused step,
  // nothing else runs in between and the run is the same. Checked every batch_check_interval
  // callbacks.
  void set_slice_end(std::chrono::steady_clock::time_point end) { slice_end_ = end; }
  static constexpr unsigned batch_check_interval = 64;
  bool mid_iteration() const { return paused_ != nullptr || batch_paused_; }

  // Runs until `f` is done, like run_until_complete (including the iteration in which the
  // stop callback runs). Throws deadlock_error if the loop runs dry first.
  void run_until_done(future_core& f);
  // Arms the stop callback for `f` without running, for callers that drive run_once themselves.
  void stop_when_done(future_core& f);
  bool stopping() const { return stopping_; }
  void clear_stopping() { stopping_ = false; }

  // A blocking call on the loop's thread (time.sleep, CPU work): time passes, nothing else runs.
  void block_for(double seconds);
  // Output of the running code (print, warnings, uncaught exceptions), stamped with the clock.
  void emit(output_stream stream, std::string_view text);

  // Real work off the loop's thread (see the top of this file). external_begin on the loop's
  // thread; external_done from any thread, once per external_begin.
  void external_begin() { external_.begin(); }
  void external_done(callback cb) { external_.done(cb); }
  std::size_t external_pending() const { return external_.pending(); }
  // A blocking call on the loop's thread that really took `seconds` (measured): the clock and
  // the observer account for it, in either mode.
  void blocked_really(double seconds);
  // The loop time of a wall-clock instant while external work is in flight (measured times).
  double time_at(std::chrono::steady_clock::time_point t) const;
  // The clock as it reads now: time(), plus the wall time since the last iteration while
  // external work is out (a view's playhead; code sees time(), fixed within an iteration).
  double live_time() const;
  // True when nothing can run until a completion arrives between iterations (see the top).
  bool waiting_for_external() const;
  // For drivers that run to the end (run, run_until_done): std::logic_error when waiting for
  // such a completion, which cannot arrive while they block (instead of spinning forever).
  void refuse_to_block() const;
  const executor_factory* executors() const { return options_.executors; }
  // loop._default_executor: the pool of run_in_executor(None, ...) and to_thread, made on first
  // use by the asyncio layer (asyncio/pool_executor.hpp); it lives as long as the loop.
  executor* default_executor() const { return default_executor_.get(); }
  void set_default_executor(std::unique_ptr<executor> pool);

  // Attach before anything is scheduled: an observer that wants_iterations() then gets one
  // loop_snapshot per iteration (the loop keeps a heap_mirror and ready-queue tags for it; with
  // no such observer it keeps nothing and pays one pointer test per call_soon, call_at and
  // iteration).
  void set_observer(loop_observer* o);
  // The Python this run mirrors (file name, lines), for reprs and warnings; may be null.
  void set_python(const python_source* p) { python_ = p; }
  const python_source* python() const { return python_; }
  // Called when a future of this loop dies holding an exception nobody retrieved, while this loop
  // is the current one (future_core::exception_unretrieved): asyncio's "Task exception was never
  // retrieved" log. The interpreter sets it; with none (the C++ tutorials) nothing is reported.
  using unretrieved_handler = void (*)(future_core&);
  void set_unretrieved_handler(unretrieved_handler h) { unretrieved_ = h; }
  unretrieved_handler unretrieved() const { return unretrieved_; }
  // The never-awaited warnings of the coroutines that die on this loop (never_awaited.hpp).
  never_awaited_warnings& never_awaited() { return never_awaited_; }
  loop_observer* observer() const { return observer_; }

  // Task bookkeeping, used by create_task and task_driver (task_registry.hpp); the loop adds
  // what observers and snapshots see, and the new Task's first step.
  void adopt_task(task_driver& d);
  void skip_task_number() { tasks_.skip_number(); }
  void task_completed(task_driver& d, task_outcome outcome);
  // A task's step begins: its await chain will change (for snapshots; one pointer test otherwise).
  void task_stepping(task_driver& d) {
    if (steps_) chain_changes(d);
  }
  // The chains that changed since the last snapshot (what the next one will record), built now:
  // a view at the end of the newest iteration shows what its batch left, not what it began with.
  // False, with `out` emptied, without snapshots or in the middle of an iteration (a step stopped
  // at the end of a slice is not over).
  bool chains_since_snapshot(chain_delta& out) const;
  std::size_t pending_tasks() const { return tasks_.unfinished_count(); }
  // Unfinished tasks in creation order (asyncio.all_tasks()).
  std::vector<task_driver*> unfinished_tasks() const { return tasks_.unfinished(); }
  // One line per unfinished task and what it awaits (for deadlock reports).
  std::string describe_pending() const { return tasks_.describe(); }

 private:
  timer_id schedule(double when, callback cb, ready_kind kind, double* deadline);
  static void on_stop(void* loop);
  struct steps;  // the bookkeeping of per-iteration snapshots (only while an observer wants them)
  void tag_ready(const callback& cb, ready_kind kind);
  void snapshot();
  void chain_changes(task_driver& d);  // d's chain goes into the next snapshot
  void forget_chain_changes();         // before the snapshot bookkeeping is dropped
  void sync_clock() { now_ += external_.sync(); }
  void take_external();  // handed-back work into the ready queue, waiting when there is nothing to do

  double now_ = 0.0;
  chunk_queue<callback> ready_;
  chunk_queue<callback> running_;  // the batch of this iteration (swapped with ready_)
  task_driver* paused_ = nullptr;  // whose step the batch stopped in (pause_iteration)
  bool batch_paused_ = false;      // the batch stopped between two callbacks (set_slice_end)
  unsigned batch_countdown_ = batch_check_interval;
  std::chrono::steady_clock::time_point slice_end_ = std::chrono::steady_clock::time_point::max();
  bool run_batch();                // the rest of running_, unless a step pauses
  timer_heap timers_;
  loop_options options_;
  py_random jitter_rng_;
  loop_observer* observer_ = nullptr;
  const python_source* python_ = nullptr;
  unretrieved_handler unretrieved_ = nullptr;
  never_awaited_warnings never_awaited_;
  task_registry tasks_;
  bool stopping_ = false;
  std::unique_ptr<executor> default_executor_;
  external_work external_;
  std::unique_ptr<steps> steps_;
};

// Makes `loop` the current loop for a scope (asyncio's _set_running_loop); program_runner also
// uses it while module-level code runs, so that its print() and blocking calls reach the loop.
class running_scope {
 public:
  explicit running_scope(event_loop* loop);
  ~running_scope();
  running_scope(const running_scope&) = delete;
  running_scope& operator=(const running_scope&) = delete;

 private:
  event_loop* previous_;
};

}  // namespace asyncrace
