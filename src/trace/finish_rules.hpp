// Why one task finished before the next: given a recording, names the rule of the event loop that
// decided the order of two tasks that finished one after the other (an earlier deadline, the
// tie-break of equal deadlines, an await, an executor job, the ready queue's FIFO order). The
// Predict view says it beside each task the learner placed wrongly.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "loop/tie_policy.hpp"
#include "trace/recording.hpp"

namespace asyncrace::trace {

enum class finish_rule {
  earlier_deadline,   // both woke from a sleep: the earlier deadline fires first
  tie_heap_order,     // equal deadlines, cpython-heap: heapq's pop order
  tie_fifo,           // equal deadlines, fifo: the timer scheduled first fires first
  tie_jitter,         // equal deadlines, jitter: the seeded offset put one first
  awaited,            // the later one waited for the earlier one (a task, or a gather of it)
  executor_job,       // the earlier one's last wait was an executor job that finished sooner
  earlier_wakeup,     // it was woken (or stepped) at an earlier virtual time
  ready_queue_order,  // same time, same iteration: the ready queue is FIFO
};

struct finish_reason {
  task_id first = no_task;   // finished first
  task_id second = no_task;  // finished right after (or later)
  finish_rule rule = finish_rule::ready_queue_order;
  std::string text;          // one sentence for the learner
};

// Why `first` finished before `second` in `r` (both finished, `first` earlier); `ties` and
// `jitter_us` are the run's tie policy and jitter (the recording does not know them: under
// jitter the recorded deadlines are the jittered ones, so deadlines closer than the jitter count
// as equal sleeps that the jitter decided).
finish_reason explain_pair(const recording& r, task_id first, task_id second, tie_policy ties,
                           double jitter_us = 0.0);
// explain_pair for each pair of neighbours in the finish order.
std::vector<finish_reason> explain_finish_order(const recording& r, tie_policy ties, double jitter_us = 0.0);

std::string_view to_string(finish_rule rule);

}  // namespace asyncrace::trace
