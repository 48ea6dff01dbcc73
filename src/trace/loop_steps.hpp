// The loop's state at every iteration (ready queue, timer heap array, pops, clock), recorded from
// loop_observer::iteration as reversible deltas: per iteration the batch of ready entries, the
// timers popped, and the heap positions that changed (old and new timer), so a cursor steps
// forward and back in time proportional to what changed, and a 100,000-task run stays small
// (scale_10k: 3.7 MiB measured, scale_100k about 40 MiB estimated). Every timer is stored once (deadline, seq, task, kind), indexed by
// its seq; positions refer to it by seq.
//
// Await chains are stored by a chain_steps (interned frame lists, a delta per task whose chain
// changed). A view gets iteration k's chains as `steps.at(k).chains`, or, stepping,
// `cursor.state().chains` (or `cursor.chains()` alone): one task_chain per pending task.
//
// Size cap: once the stored data passes max_bytes (64 MiB unless told otherwise) the iteration
// that crossed it is kept and the rest are not recorded: truncated() says so, and message()
// says plainly from which iteration on the states are missing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "loop/observer.hpp"
#include "trace/chain_steps.hpp"

namespace asyncrace::trace {

// The loop's state at one iteration: see loop_snapshot.
struct loop_state {
  std::uint64_t iteration = 0;
  double t = 0.0;
  std::vector<ready_entry> ready;
  std::vector<timer_entry> timers;  // heap array before this iteration's pops
  std::vector<timer_entry> popped;
  // Every pending task's await chain (created, not finished) at the start of the iteration, in
  // order of task id: frames outermost first ({function, Python line}), and what the innermost
  // awaits (see loop/await_chain.hpp).
  std::vector<task_chain> chains;
  bool operator==(const loop_state&) const = default;
};

class loop_steps {
 public:
  static constexpr std::size_t default_max_bytes = std::size_t{64} << 20;
  explicit loop_steps(std::size_t max_bytes = default_max_bytes) : max_bytes_(max_bytes) {}

  // Stores one iteration; false once over the cap (this one is kept, later ones are refused).
  bool add(const loop_snapshot& s);
  std::size_t size() const { return records_.size(); }  // iterations recorded
  bool empty() const { return records_.empty(); }
  bool truncated() const { return truncated_; }
  const std::string& message() const { return message_; }  // empty unless truncated
  std::size_t bytes() const;
  std::size_t max_bytes() const { return max_bytes_; }
  void clear();

  // A position in the recorded iterations, moved one delta at a time in either direction.
  class cursor {
   public:
    explicit cursor(const loop_steps& s);  // at iteration 0 (when there is one)
    std::size_t position() const { return k_; }
    bool forward();  // false at the last iteration
    bool back();     // false at the first
    void seek(std::size_t k);
    loop_state state() const;
    std::vector<std::uint32_t> heap_seqs() const { return heap_; }
    std::vector<task_chain> chains() const { return chains_.chains(); }  // as state().chains

   private:
    void apply(std::size_t k);    // record k's new values (from k - 1)
    void unapply(std::size_t k);  // record k's old values (back to k - 1)
    const loop_steps* s_;
    std::size_t k_ = 0;
    std::vector<std::uint32_t> heap_;
    chain_steps::cursor chains_;
  };
  // The state at iteration k (a fresh cursor sought there).
  loop_state at(std::size_t k) const;

 private:
  static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
  static constexpr std::uint64_t never = std::numeric_limits<std::uint64_t>::max();
  struct timer_info {
    double deadline = 0.0;
    std::uint64_t cancelled_at = never;  // the first iteration that shows it cancelled
    task_id task = no_task;
    ready_kind kind = ready_kind::timer;
  };
  struct write {
    std::uint32_t index;
    std::uint32_t before;  // seq at `index` in the previous iteration (none: beyond its size)
    std::uint32_t after;   // seq now (none: beyond this size)
  };
  struct record {
    std::uint64_t iteration;
    double t;
    std::uint32_t heap_size;
    std::size_t ready_end, writes_end, popped_end;  // ends of this record's runs in the vectors
  };
  timer_entry entry(std::uint32_t seq, std::size_t k) const;

  std::size_t max_bytes_;
  bool truncated_ = false;
  std::string message_;
  std::vector<record> records_;
  std::vector<timer_info> timers_;        // by seq
  std::vector<ready_entry> ready_;
  std::vector<write> writes_;
  std::vector<std::uint32_t> popped_;     // seqs
  std::vector<std::uint32_t> current_;    // the heap array (seqs) at the last record
  chain_steps chains_;
};

// One JSON object (one line, no newline), keys as `asyncrace run --steps` prints them:
// {"iteration": 3, "t": 1.0, "ready": [{"kind": "sleep", "task": 4}, ...],
//  "timers": [{"deadline": 1.0, "seq": 0, "task": 4, "kind": "sleep"}, ...], "popped": [...]}
// Task ids are the recording's (lane ids); "cancelled": true marks a cancelled timer.
// With `task_name` (a task id's name, e.g. from the recording's lanes) it also prints
// "chains": {"Task-2": {"task": 2, "frames": [{"function": "worker", "line": 5}, ...],
//            "awaits": {"kind": "sleep", "deadline": 3.0}}, ...}
// where "awaits" is {"kind": "start"} before the first step, {"kind": "yield"}, {"kind": "future"},
// {"kind": "task", "task": 4} or {"kind": "gather", "task": first child, "count": n}; a name
// given to two pending tasks is printed the second time as "name#id".
using task_namer = std::function<std::string(task_id)>;
std::string to_json(const loop_state& s, const task_namer& task_name = {});
class recording;
// Names tasks by their lanes in `r` (which must outlive it); an unknown id as "Task#<id>".
task_namer lane_names(const recording& r);

}  // namespace asyncrace::trace
