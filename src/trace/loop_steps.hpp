// The loop's state at every iteration (ready queue, timer heap array, pops, clock), recorded from
// loop_observer::iteration as reversible deltas: per iteration the batch of ready entries, the
// timers popped, and the heap positions that changed (old and new timer), so a cursor steps
// forward and back in time proportional to what changed, and a 100,000-task run stays small
// (scale_10k: 3.7 MiB measured, scale_100k about 40 MiB estimated). Every timer is stored once (deadline, seq, task, kind), indexed by
// its seq; positions refer to it by seq.
//
// Size cap: once the stored data passes max_bytes (64 MiB unless told otherwise) the iteration
// that crossed it is kept and the rest are not recorded: truncated() says so, and message()
// says plainly from which iteration on the states are missing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "loop/observer.hpp"

namespace asyncrace::trace {

// The loop's state at one iteration: see loop_snapshot.
struct loop_state {
  std::uint64_t iteration = 0;
  double t = 0.0;
  std::vector<ready_entry> ready;
  std::vector<timer_entry> timers;  // heap array before this iteration's pops
  std::vector<timer_entry> popped;
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

   private:
    void apply(std::size_t k);    // record k's new values (from k - 1)
    void unapply(std::size_t k);  // record k's old values (back to k - 1)
    const loop_steps* s_;
    std::size_t k_ = 0;
    std::vector<std::uint32_t> heap_;
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
};

// One JSON object (one line, no newline), keys as `asyncrace run --steps` prints them:
// {"iteration": 3, "t": 1.0, "ready": [{"kind": "sleep", "task": 4}, ...],
//  "timers": [{"deadline": 1.0, "seq": 0, "task": 4, "kind": "sleep"}, ...], "popped": [...]}
// Task ids are the recording's (lane ids); "cancelled": true marks a cancelled timer.
std::string to_json(const loop_state& s);

}  // namespace asyncrace::trace
