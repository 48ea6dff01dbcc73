#include "trace/finish_rules.hpp"

#include <cstdio>

namespace asyncrace::trace {
namespace {

std::string seconds(double t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g s", t);
  return buf;
}

// The wait a finished task was last woken from (null if it never waited).
const wait_span* last_wait(const task_lane& lane) { return lane.waits.empty() ? nullptr : &lane.waits.back(); }

// The last step before the finish: when the task was last woken.
double last_wakeup(const task_lane& lane) { return lane.steps.empty() ? lane.created : lane.steps.back(); }

// `waiter` was last waiting for `other`: awaited it as a task, or gathered it (a gather names its
// first child and how many; children are created one after another).
bool awaited(const task_lane& waiter, const task_lane& other) {
  const wait_span* w = last_wait(waiter);
  if (w == nullptr) return false;
  if (w->on.kind == wait_kind::task) return w->on.target == other.id;
  if (w->on.kind == wait_kind::gather)
    return other.id >= w->on.target && other.id < w->on.target + w->on.count;
  return false;
}

// The executor job whose result woke `lane` last, if its last wait was for one.
const pool_job* woken_by_job(const recording& r, const task_lane& lane) {
  const wait_span* w = last_wait(lane);
  if (w == nullptr || w->on.kind != wait_kind::future) return nullptr;
  const pool_job* found = nullptr;
  for (const pool_job& job : r.jobs())
    if (job.for_task == lane.id && job.end >= w->begin && job.end <= w->end) found = &job;
  return found;
}

bool slept(const task_lane& lane) {
  const wait_span* w = last_wait(lane);
  return w != nullptr && w->on.kind == wait_kind::sleep;
}

// Equal deadlines, or (under jitter) deadlines no further apart than the jitter.
bool same_deadline(const task_lane& a, const task_lane& b, tie_policy ties, double jitter_us) {
  const double gap = last_wait(b)->on.deadline - last_wait(a)->on.deadline;
  if (ties == tie_policy::jitter) return gap >= -jitter_us * 1e-6 && gap <= jitter_us * 1e-6;
  return gap == 0.0;
}

std::string tie_text(const task_lane& a, const task_lane& b, tie_policy ties) {
  const double da = last_wait(a)->on.deadline;
  const double db = last_wait(b)->on.deadline;
  if (ties == tie_policy::jitter) {
    char offset[64];
    std::snprintf(offset, sizeof offset, "%.3g \xc2\xb5s", (db - da) * 1e6);
    return a.name + " and " + b.name + " slept equally long (deadlines about " + seconds(da) +
           "): the seeded jitter put " + a.name + "'s timer " + offset + " earlier, so it fired first.";
  }
  const std::string both = a.name + " and " + b.name + " slept until the same deadline (" + seconds(da) + "): ";
  switch (ties) {
    case tie_policy::cpython_heap:
      return both + "CPython's timer heap (heapq, ordered by deadline only) popped " + a.name +
             "'s timer first; the heap's shape, not the order they slept in, decides.";
    case tie_policy::fifo:
      return both + a.name + " scheduled its timer first, and equal deadlines fire in scheduling order (FIFO).";
    case tie_policy::jitter: break;
  }
  return both;
}

finish_rule tie_rule(tie_policy ties) {
  switch (ties) {
    case tie_policy::cpython_heap: return finish_rule::tie_heap_order;
    case tie_policy::fifo: return finish_rule::tie_fifo;
    case tie_policy::jitter: return finish_rule::tie_jitter;
  }
  return finish_rule::tie_fifo;
}

}  // namespace

finish_reason explain_pair(const recording& r, task_id first, task_id second, tie_policy ties, double jitter_us) {
  finish_reason out{first, second, finish_rule::ready_queue_order, {}};
  const task_lane* pa = r.lane(first);
  const task_lane* pb = r.lane(second);
  if (pa == nullptr || pb == nullptr) return out;
  const task_lane a = *pa;  // copies: a later read of the lanes may move them
  const task_lane b = *pb;
  if (awaited(b, a)) {
    out.rule = finish_rule::awaited;
    out.text = b.name + " awaited " + a.name + ", so it could only finish after it.";
  } else if (slept(a) && slept(b) && !same_deadline(a, b, ties, jitter_us)) {
    out.rule = finish_rule::earlier_deadline;
    out.text = a.name + " slept until " + seconds(last_wait(a)->on.deadline) + ", " + b.name + " until " +
               seconds(last_wait(b)->on.deadline) + ": the earlier deadline fires first.";
  } else if (slept(a) && slept(b)) {
    out.rule = tie_rule(ties);
    out.text = tie_text(a, b, ties);
  } else if (const pool_job* job = woken_by_job(r, a); job != nullptr && job->end < last_wakeup(b)) {
    out.rule = finish_rule::executor_job;
    out.text = a.name + " waited for an executor job (" + job->what + ") that ended at " + seconds(job->end) +
               ", before " + b.name + " was last woken at " + seconds(last_wakeup(b)) + ".";
  } else if (last_wakeup(a) < last_wakeup(b)) {
    out.rule = finish_rule::earlier_wakeup;
    out.text = a.name + " was last woken at " + seconds(last_wakeup(a)) + ", " + b.name + " at " +
               seconds(last_wakeup(b)) + ": the loop runs what is ready earlier first.";
  } else {
    out.text = a.name + " and " + b.name + " were ready in the same loop iteration; the ready queue is FIFO, and " +
               a.name + "'s callback was queued first.";
  }
  return out;
}

std::vector<finish_reason> explain_finish_order(const recording& r, tie_policy ties, double jitter_us) {
  const std::vector<task_id> order = r.finish_order();
  std::vector<finish_reason> out;
  for (std::size_t i = 1; i < order.size(); ++i) out.push_back(explain_pair(r, order[i - 1], order[i], ties, jitter_us));
  return out;
}

std::string_view to_string(finish_rule rule) {
  switch (rule) {
    case finish_rule::earlier_deadline: return "earlier deadline";
    case finish_rule::tie_heap_order: return "equal deadlines: timer heap order";
    case finish_rule::tie_fifo: return "equal deadlines: FIFO";
    case finish_rule::tie_jitter: return "equal deadlines: jitter offset";
    case finish_rule::awaited: return "awaited the other";
    case finish_rule::executor_job: return "executor job finished sooner";
    case finish_rule::earlier_wakeup: return "woken earlier";
    case finish_rule::ready_queue_order: return "ready queue (FIFO)";
  }
  return "?";
}

}  // namespace asyncrace::trace
