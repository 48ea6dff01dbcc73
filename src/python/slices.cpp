#include "slices.hpp"

#include <algorithm>

#include "interpreter.hpp"
#include "functions.hpp"

namespace asyncrace::python {

namespace {
void aim_at_next_stop(interpreter& in) { in.step_stop = std::min(in.limits.max_steps, in.slice_end); }
}  // namespace

void begin_slice(interpreter& in, std::uint64_t instructions) {
  in.slice_end = instructions == 0 ? no_slice : in.steps + instructions;
  aim_at_next_stop(in);
}

bool slice_spent(const interpreter& in) { return in.slice_end != no_slice && in.steps >= in.slice_end; }

bool end_of_slice(interpreter& in, const frame& base) {
  if (in.steps > in.limits.max_steps) throw_step_limit(in);
  if (in.steps <= in.slice_end) {  // a first instruction, or a cap changed since: aim again
    aim_at_next_stop(in);
    return false;
  }
  if (&base == in.preemptible) {
    --in.steps;  // the instruction was counted but does not run now: it runs first next slice
    return true;
  }
  in.step_stop = std::min(in.limits.max_steps, in.steps + recheck_interval);
  return false;
}

preemptible_scope::preemptible_scope(interpreter& in, const frame& base) : in_(in), saved_(in.preemptible) {
  in.preemptible = &base;
}

preemptible_scope::~preemptible_scope() { in_.preemptible = saved_; }

}  // namespace asyncrace::python
