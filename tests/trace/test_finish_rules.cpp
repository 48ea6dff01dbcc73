// trace::finish_rules: which rule of the loop put one task's finish before the next one's, read
// from recordings built through the observer calls the loop makes.
#include <doctest.h>

#include "trace/finish_rules.hpp"

using namespace asyncrace;
using trace::finish_rule;

namespace {

wait_target sleep_until(double deadline) { return {wait_kind::sleep, deadline, no_task, 0}; }

// Tasks 1 and 2 each sleep once (until `d1`, `d2`) and finish when they wake, 1 first.
trace::recording two_sleepers(double d1, double d2) {
  trace::recording r;
  r.task_created(1, no_task, "Task-1", "work", 0.0);
  r.task_created(2, no_task, "Task-2", "work", 0.0);
  r.task_stepped(1, 0.0);
  r.task_suspended(1, sleep_until(d1), 0.0);
  r.task_stepped(2, 0.0);
  r.task_suspended(2, sleep_until(d2), 0.0);
  r.task_stepped(1, d1);
  r.task_finished(1, task_outcome::result, d1);
  r.task_stepped(2, d2);
  r.task_finished(2, task_outcome::result, d2);
  return r;
}

}  // namespace

TEST_CASE("finish rules: different deadlines, the earlier fires first") {
  const trace::recording r = two_sleepers(1.0, 2.0);
  const trace::finish_reason why = trace::explain_pair(r, 1, 2, tie_policy::fifo);
  CHECK(why.rule == finish_rule::earlier_deadline);
  CHECK(why.text.find("Task-1 slept until 1 s") != std::string::npos);
}

TEST_CASE("finish rules: equal deadlines are decided by the tie policy") {
  const trace::recording r = two_sleepers(1.0, 1.0);
  CHECK(trace::explain_pair(r, 1, 2, tie_policy::cpython_heap).rule == finish_rule::tie_heap_order);
  CHECK(trace::explain_pair(r, 1, 2, tie_policy::fifo).rule == finish_rule::tie_fifo);
  // Under jitter the recorded deadlines are the jittered ones: within the jitter they were equal sleeps.
  const trace::recording jittered = two_sleepers(1.000010, 1.000030);
  CHECK(trace::explain_pair(jittered, 1, 2, tie_policy::jitter, 50.0).rule == finish_rule::tie_jitter);
  CHECK(trace::explain_pair(jittered, 1, 2, tie_policy::jitter, 50.0).text.find("20 \xc2\xb5s earlier") != std::string::npos);
  CHECK(trace::explain_pair(jittered, 1, 2, tie_policy::jitter, 5.0).rule == finish_rule::earlier_deadline);
  CHECK(trace::explain_pair(r, 1, 2, tie_policy::cpython_heap).text.find("heapq") != std::string::npos);
  const auto all = trace::explain_finish_order(r, tie_policy::fifo);
  REQUIRE(all.size() == 1);
  CHECK(all[0].first == 1);
  CHECK(all[0].second == 2);
}

TEST_CASE("finish rules: a task that awaited another, or gathered it, finishes after it") {
  trace::recording r;
  r.task_created(1, no_task, "Task-1", "main", 0.0);
  r.task_created(2, 1, "Task-2", "child", 0.0);
  r.task_created(3, 1, "Task-3", "child", 0.0);
  r.task_stepped(1, 0.0);
  r.task_suspended(1, {wait_kind::gather, 0.0, 2, 2}, 0.0);
  r.task_stepped(2, 0.0);
  r.task_finished(2, task_outcome::result, 0.0);
  r.task_stepped(3, 0.0);
  r.task_finished(3, task_outcome::result, 0.0);
  r.task_stepped(1, 0.0);
  r.task_finished(1, task_outcome::result, 0.0);
  CHECK(trace::explain_pair(r, 3, 1, tie_policy::fifo).rule == finish_rule::awaited);
  // Neither awaited the other, same time, same iteration: the ready queue's order.
  CHECK(trace::explain_pair(r, 2, 3, tie_policy::fifo).rule == finish_rule::ready_queue_order);
}

namespace {

// Task 1 waits on a future (an executor job's, when `job`), task 2 on sleep(0); 1 is woken at
// 0.5 s, 2 at 0.75 s.
trace::recording future_then_yield(bool job) {
  trace::recording r;
  r.task_created(1, no_task, "Task-1", "offload", 0.0);
  r.task_created(2, no_task, "Task-2", "nap", 0.0);
  r.task_stepped(1, 0.0);
  r.task_suspended(1, {wait_kind::future, 0.0, no_task, 0}, 0.0);
  r.task_stepped(2, 0.0);
  r.task_suspended(2, {wait_kind::yield, 0.0, no_task, 0}, 0.0);
  if (job) r.executor_job(7, 0, "blocking_io", 0.0, 0.0, 0.5, 1);
  r.task_stepped(1, 0.5);
  r.task_finished(1, task_outcome::result, 0.5);
  r.task_stepped(2, 0.75);
  r.task_finished(2, task_outcome::result, 0.75);
  return r;
}

}  // namespace

TEST_CASE("finish rules: an executor job that ended sooner, and an earlier wake-up") {
  const trace::recording r = future_then_yield(true);
  const trace::finish_reason why = trace::explain_pair(r, 1, 2, tie_policy::fifo);
  CHECK(why.rule == finish_rule::executor_job);
  CHECK(why.text.find("blocking_io") != std::string::npos);
  // Without the job it is only the earlier wake-up.
  CHECK(trace::explain_pair(future_then_yield(false), 1, 2, tie_policy::fifo).rule == finish_rule::earlier_wakeup);
}
