// The record of one run: every task's lane (created, steps, waits, finish and rank) and every
// printed line with its virtual time. Built from the loop's observer calls; read by the UI, the
// CLI and the exporters, none of which ever look into the scheduler.
//
// While the loop runs, task events go to a compact log (event_log.hpp), not straight into lanes:
// a task_lane with its strings and vectors costs ~300 bytes, and a run of a million tasks that
// nobody looks at lane by lane (the CLI prints lines only) should not pay that. Reading the lanes
// (lanes(), lane(), finish_order()) first applies the events logged since the last read, in
// order, and frees them; a reader that looks every frame keeps the log short.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "loop/observer.hpp"
#include "trace/event_log.hpp"
#include "trace/loop_steps.hpp"

namespace asyncrace::trace {

inline constexpr double never = std::numeric_limits<double>::infinity();

// One suspension of a task: from `begin` until it was stepped again at `end` (never, if not yet).
struct wait_span {
  double begin = 0.0;
  double end = never;
  wait_target on;
};

struct task_lane {
  task_id id = no_task;
  task_id parent = no_task;    // the task that created it (no_task for the main task)
  std::string name;            // CPython's name: "Task-1", "Task-2", ...
  std::string coro;            // coroutine function: "do_some_work"
  std::string first_output;    // first line it printed: tells nine identical lanes apart
  double created = 0.0;
  double first_step = never;
  double finished = never;
  int finish_rank = 0;         // 1 = first task to finish; 0 = not finished
  task_outcome outcome = task_outcome::result;
  std::vector<double> steps;   // virtual time of every step (the first one included)
  std::vector<wait_span> waits;

  bool done() const { return finish_rank != 0; }
};

struct output_line {
  double t = 0.0;
  task_id from = no_task;
  output_stream stream = output_stream::out;
  std::string text;
};

// Where one recorded loop iteration stands among the run's other records (for stepping): its
// clock, how many lines had been printed when it began, and how big its batch was.
struct iteration_mark {
  double t = 0.0;
  std::uint32_t lines_before = 0;  // lines() printed before the iteration began
  std::uint32_t pops = 0;          // timers it popped
  std::uint32_t callbacks = 0;     // entries of its ready batch
};

struct blocked_span {
  task_id by = no_task;
  double begin = 0.0;
  double end = 0.0;
};

// One executor job (run_in_executor, to_thread): the pool lanes of the race diagram. It waited in
// the pool's queue from `queued` to `start`, ran on `worker` until `end`, and its result went back
// to the loop for task `for_task`.
struct pool_job {
  std::uint32_t pool = 0;    // pools in the order they took their first job: 0, 1, ...
  std::uint32_t worker = 0;  // worker index in its pool
  std::string what;          // the function: "blocking_io", "cpu_bound"
  double queued = 0.0;
  double start = 0.0;
  double end = 0.0;
  task_id for_task = no_task;
};

class recording final : public loop_observer {
 public:
  // In creation order. Like any read of the lanes it may reallocate them: a task_lane reference
  // or pointer is valid until the loop reports something new.
  const std::vector<task_lane>& lanes() const;
  const std::vector<output_line>& lines() const { return lines_; }
  const std::vector<blocked_span>& blocked() const { return blocked_; }
  // Executor jobs in the order they were submitted.
  const std::vector<pool_job>& jobs() const { return jobs_; }
  const task_lane* lane(task_id id) const;
  // Task ids in the order they finished.
  std::vector<task_id> finish_order() const;
  // Latest virtual time anything happened at.
  double end_time() const { return end_time_; }
  // Counts what the loop reported: equal counts, equal recordings (views cache what they derive).
  std::uint64_t changes() const { return changes_; }
  void clear();

  // The loop's state per iteration (ready queue, timer heap, pops): off by default (it costs the
  // loop bookkeeping); turn it on before the recording is attached to a loop. Its size cap is
  // loop_steps::default_max_bytes unless given.
  void record_loop_states(bool on, std::size_t max_bytes = loop_steps::default_max_bytes);
  bool records_loop_states() const { return loop_states_on_; }
  const loop_steps& loop_states() const { return steps_; }
  // One mark per iteration in loop_states(), in order (cheap to search by time or line).
  const std::vector<iteration_mark>& iteration_marks() const { return marks_; }

  void task_created(task_id id, task_id parent, std::string_view name, std::string_view coro,
                    double t) override;
  void task_stepped(task_id id, double t) override;
  void task_suspended(task_id id, const wait_target& on, double t) override;
  void task_finished(task_id id, task_outcome outcome, double t) override;
  void output(task_id from, output_stream stream, std::string_view text, double t) override;
  void loop_blocked(task_id by, double begin, double end) override;
  void executor_job(std::uint32_t pool, std::uint32_t worker, std::string_view what, double queued,
                    double start, double end, task_id for_task) override;
  bool wants_iterations() const override { return loop_states_on_; }
  bool iteration(const loop_snapshot& s) override;

 private:
  static constexpr std::uint8_t odd_wait = 255;

  void sync() const;  // applies the logged events to lanes_
  void apply(const logged_event& e) const;
  task_lane* mutable_lane(task_id id) const;
  std::uint32_t intern_coro(std::string_view coro);
  void seen(double t) { if (t > end_time_) end_time_ = t; }

  mutable event_log log_;  // created: parent, coroutine; suspended: deadline, or target and count
                           // (or odd_waits_ index); output: line index
  mutable std::size_t logged_lanes_ = 0;   // created events in log_: lanes_ grows once per read
  std::vector<std::string> coros_;         // distinct coroutine names, indexed by created events
  std::uint32_t last_coro_ = 0;            // the last one used: consecutive tasks often share it
  std::vector<std::string> custom_names_;  // names other than "Task-<id>" (rare), in creation order
  mutable std::size_t custom_names_used_ = 0;
  std::vector<wait_target> odd_waits_;     // wait targets the compact event cannot spell (none yet)
  mutable std::vector<task_lane> lanes_;
  mutable int finished_count_ = 0;
  std::vector<output_line> lines_;
  std::vector<blocked_span> blocked_;
  std::vector<pool_job> jobs_;
  std::vector<std::uint32_t> pool_ids_;  // executor ids, in the order they took their first job
  double end_time_ = 0.0;
  std::uint64_t changes_ = 0;
  bool loop_states_on_ = false;
  loop_steps steps_;
  std::vector<iteration_mark> marks_;
};

}  // namespace asyncrace::trace
