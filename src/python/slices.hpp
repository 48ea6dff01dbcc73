// Slices of a run (the page): the browser's tab must keep drawing while a program computes, so the
// page gives the interpreter a budget of instructions per frame. When it is spent, the frame that
// runs a Task's step or the module code stops at its next instruction (exec_status::preempted)
// and resumes there at the next slice: the step goes on where it was, so the run, its trace and its
// transcript are exactly those of an unsliced run. Nested runs (a Python function called from C++:
// a sort key, a __repr__) cannot stop; they are checked again every `recheck_interval`
// instructions until the frame that can stop runs again.
//
// The VM pays one comparison per instruction for both this and the step cap: `steps` against
// `step_stop`, whichever of the two comes first.
#pragma once

#include <cstdint>

namespace asyncrace::python {

class interpreter;
struct frame;

inline constexpr std::uint64_t no_slice = UINT64_MAX;
inline constexpr std::uint64_t recheck_interval = 10'000;

// Starts a slice of `instructions` (0: no slices, the run goes on to its caps, as the CLI runs).
void begin_slice(interpreter& in, std::uint64_t instructions);
// The current slice is used up: the caller returns to the browser and begins another next frame.
bool slice_spent(const interpreter& in);
// Called by the VM when `steps` passes `step_stop`: throws LimitReached at the cap; true when
// `base` (the frame run_frame started with) must stop now; otherwise moves `step_stop` on.
bool end_of_slice(interpreter& in, const frame& base);

// While it lives, `base` is the frame allowed to stop at the end of a slice: its driver (a Task's
// step, the module code) can suspend and come back to it.
class preemptible_scope {
 public:
  preemptible_scope(interpreter& in, const frame& base);
  ~preemptible_scope();
  preemptible_scope(const preemptible_scope&) = delete;
  preemptible_scope& operator=(const preemptible_scope&) = delete;

 private:
  interpreter& in_;
  const frame* saved_;
};

}  // namespace asyncrace::python
