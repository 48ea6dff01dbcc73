// What the event loop reports as it runs. The scheduler knows nothing of traces or views: it calls
// this interface (when one is attached) and src/trace turns the calls into a recording.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace asyncrace {

using task_id = std::uint32_t;
inline constexpr task_id no_task = 0;  // real task ids start at 1, like CPython's Task-N

// What a suspended task is waiting for.
enum class wait_kind : std::uint8_t {
  sleep,   // asyncio.sleep(d > 0): a timer at `deadline`
  yield,   // asyncio.sleep(0): one trip through the ready queue
  task,    // another task (`target` is its id)
  gather,  // a gather of `count` children (`target` is the first child's id)
  future,  // a plain future
};

struct wait_target {
  wait_kind kind = wait_kind::future;
  double deadline = 0.0;  // for sleep
  task_id target = no_task;
  std::uint32_t count = 0;
  bool operator==(const wait_target&) const = default;
};

enum class task_outcome : std::uint8_t { result, exception, cancelled };
// err: the rest of what python3 writes to stderr (JSON "stderr"): the lines around an uncaught
// exception's last line (its traceback, chained exceptions, notes), traceback.print_exc(),
// sys.stderr.write(). The interpreter writes them; a C++ twin has no Python frames to show.
enum class output_stream : std::uint8_t { out, warning, exception, err };

// What a ready-queue entry (or the callback of a timer) is, as CPython's loop would show it.
enum class ready_kind : std::uint8_t {
  step,           // Task.__step scheduled directly: a task's first step, or after sleep(0)
  wakeup,         // Task.__wakeup: a future's done-callback that resumes the task waiting on it
  done_callback,  // another future's done-callback (a gather's child-done, ...)
  sleep,          // asyncio.sleep's timer handle (futures._set_result_unless_cancelled)
  timer,          // another call_later / call_at handle
  call_soon,      // loop.call_soon of anything else
  external,       // a completion handed back from another thread (call_soon_threadsafe)
};

constexpr std::string_view to_string(ready_kind k) {
  switch (k) {
    case ready_kind::step: return "step";
    case ready_kind::wakeup: return "wakeup";
    case ready_kind::done_callback: return "done-callback";
    case ready_kind::sleep: return "sleep";
    case ready_kind::timer: return "timer";
    case ready_kind::call_soon: return "call-soon";
    case ready_kind::external: return "external";
  }
  return "?";
}

struct ready_entry {
  // The task it steps or wakes; else the task whose step scheduled it, or no_task outside any
  // step (a timer's callback; the done-callbacks a finishing Task's own future schedules, e.g.
  // gather's child-done, since its step has ended by then).
  task_id task = no_task;
  ready_kind kind = ready_kind::call_soon;
  bool operator==(const ready_entry&) const = default;
};

// One entry of the timer heap, as an element of CPython's `_scheduled` heap array.
struct timer_entry {
  double deadline = 0.0;
  std::uint64_t seq = 0;   // scheduling order of the timer (0, 1, 2, ... per loop)
  task_id task = no_task;  // the task that scheduled it
  ready_kind kind = ready_kind::timer;  // sleep or timer
  bool cancelled = false;  // cancelled but still in the heap (CPython removes those lazily)
  bool operator==(const timer_entry&) const = default;
};

// A pending Task's await chain (built by loop/await_chain.hpp), as `asyncio pstree` shows it.
struct await_frame {
  std::string function;  // the coroutine function's name (a Python qualname when interpreted)
  // The Python line it is suspended at (or, before its first step, its def line); 0 for a library
  // coroutine (asyncio's sleep, Queue.get, ...), which has no line in the program's source.
  unsigned line = 0;
  bool operator==(const await_frame&) const = default;
};

struct await_chain {
  std::vector<await_frame> frames;  // outermost (the Task's coroutine) first
  bool started = false;             // false: created, its first step not run yet (awaits nothing)
  wait_target awaits;               // what the innermost frame waits on (when started)
  bool operator==(const await_chain&) const = default;
};

// A task's chain at a snapshot.
struct task_chain {
  task_id task = no_task;
  await_chain chain;
  bool operator==(const task_chain&) const = default;
};

// What changed in the await chains since the last loop_snapshot, without taking one
// (event_loop::chains_since_snapshot): the chains of the tasks created or stepped since, and the
// tasks that finished since, each in order of id, exactly as the next snapshot will record them.
// Applied to the last snapshot's chains (ui::apply_chain_delta), it gives the chains now.
struct chain_delta {
  std::vector<task_chain> changed;
  std::vector<task_id> finished;
  bool operator==(const chain_delta&) const = default;
};

// The loop's state at one iteration of _run_once, after due timers moved to the ready queue and
// before the batch runs. Spans are valid during the call only.
struct loop_snapshot {
  std::uint64_t iteration = 0;  // 0, 1, 2, ...: iterations that ran a batch
  double t = 0.0;               // the clock
  // The batch this iteration runs, FIFO: what was ready before, then the popped timers.
  std::span<const ready_entry> ready;
  // The heap array at the start of the iteration (before this iteration's pops). Exactly
  // heapq's array under cpython-heap; under fifo and jitter (a total order on deadline, seq)
  // the same heapq algorithm, whose pops come in the same order as the scheduler's.
  std::span<const timer_entry> timers;
  // Indices of `timers` whose entry changed since the previous snapshot (every index in the
  // first one), each once, in no particular order: what a delta store keeps.
  std::span<const std::uint32_t> changed;
  // The timers popped this iteration, in order (cancelled ones are dropped, not listed).
  std::span<const timer_entry> popped;
  // The await chains of the tasks created or stepped since the previous snapshot (every pending
  // task in the first one), each once, in order of id: all a delta store needs, since a chain
  // only changes while its task steps. A task stepped by this iteration's batch shows up in the
  // next snapshot.
  std::span<const task_chain> chains;
  // The tasks that finished since the previous snapshot (their chains end), in order of id.
  std::span<const task_id> finished;
};

class loop_observer {
 public:
  virtual ~loop_observer() = default;
  // `coro` is the coroutine function's name, `line` its definition line.
  virtual void task_created(task_id id, task_id parent, std::string_view name,
                            std::string_view coro, double t) = 0;
  virtual void task_stepped(task_id id, double t) = 0;  // a step of the task begins
  virtual void task_suspended(task_id id, const wait_target& on, double t) = 0;
  virtual void task_finished(task_id id, task_outcome outcome, double t) = 0;
  virtual void output(task_id from, output_stream stream, std::string_view text, double t) = 0;
  // The loop thread was blocked from `begin` to `end` (time.sleep, CPU work on the loop).
  virtual void loop_blocked(task_id by, double begin, double end) = 0;
  // An executor job (run_in_executor, to_thread) on worker `worker` of pool `pool`: submitted at
  // `queued` by `for_task`, run from `start` to `end` (the pool lanes of the race diagram).
  virtual void executor_job(std::uint32_t /*pool*/, std::uint32_t /*worker*/, std::string_view /*what*/,
                            double /*queued*/, double /*start*/, double /*end*/, task_id /*for_task*/) {}
  // Per-iteration snapshots cost the loop bookkeeping, so they are off unless the observer says
  // so; the loop asks once, in set_observer. iteration() returns false to stop them for the rest
  // of the run (a recording over its size cap): the loop then drops its bookkeeping.
  virtual bool wants_iterations() const { return false; }
  virtual bool iteration(const loop_snapshot& /*s*/) { return false; }
};

}  // namespace asyncrace
