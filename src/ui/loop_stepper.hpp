// Pause, step and scrub through a run's recorded loop iterations (issue 11 item 3), forward and
// back. Pure logic over a trace::recording (its loop_states() and iteration_marks()): no ImGui,
// no scheduler. A position is an iteration and a sub-step inside it: first its timer pops one by
// one, then its ready batch one callback at a time. The picture at a position is computed from
// the recording and the position alone, so it is the same however the position was reached.
#pragma once

#include <compare>
#include <cstddef>
#include <optional>
#include <vector>

#include "trace/recording.hpp"

namespace asyncrace::ui {

struct loop_position {
  std::size_t iteration = 0;  // index into the recorded iterations
  std::size_t sub = 0;        // 0 .. pops + callbacks of that iteration
  bool operator==(const loop_position&) const = default;
  auto operator<=>(const loop_position&) const = default;
};

// How the timer heap compares two timers: CPython's TimerHandle compares deadlines only
// (cpython-heap); fifo and jitter order ties by sequence.
enum class heap_order { deadline_only, deadline_then_seq };

// What the Event loop view draws at one position.
struct loop_picture {
  trace::loop_state state;               // the iteration as recorded (heap before its pops)
  std::vector<timer_entry> heap;         // the heap array after `pops_done` of its pops (heapq)
  std::size_t pops_done = 0;
  std::size_t callbacks_done = 0;        // entries of state.ready that have run
  std::size_t lines_printed = 0;         // the recording's lines printed before this position
  // Await chains (issue 11 item 1) are not in loop_steps yet: when they are, they belong here.
  bool operator==(const loop_picture&) const = default;
};

// Runs `count` of heapq.heappop on `heap` (CPython's algorithm, so positions match its array).
// Cancelled timers at the root go too, uncounted, as _run_once drops them.
void heap_pop(std::vector<timer_entry>& heap, heap_order order, std::size_t count);

class loop_stepper {
 public:
  loop_stepper(const trace::recording& rec, heap_order order) : rec_(&rec), order_(order) {}

  std::size_t iterations() const { return rec_->iteration_marks().size(); }
  const loop_position& position() const { return pos_; }
  // Sub-steps of iteration k: its pops, then its callbacks.
  std::size_t steps_in(std::size_t k) const;
  double time() const;  // the clock at the position (0 before any iteration)
  const loop_picture& picture();

  bool step(int direction);            // one pop or callback (crossing into the next iteration)
  bool step_iteration(int direction);  // to the start of the next / previous iteration
  bool step_line(int direction);       // to just after the next / previous printed line
  void seek(loop_position p);          // clamped to what is recorded
  void seek_time(double t);            // the end of the last iteration at or before t
  void seek_end();

 private:
  std::size_t lines_after(std::size_t k) const;  // printed by the end of iteration k
  const trace::recording* rec_;
  heap_order order_;
  loop_position pos_;
  std::optional<trace::loop_steps::cursor> cursor_;  // made once an iteration exists
  std::optional<loop_position> pictured_;             // where picture_ was computed
  loop_picture picture_;
};

}  // namespace asyncrace::ui
