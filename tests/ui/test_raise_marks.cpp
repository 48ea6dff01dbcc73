// Raise marks: the tasks whose coroutine raised, at the time they raised, from the trace alone.
#include <doctest.h>

#include "ui/raise_marks.hpp"

using namespace asyncrace;
using namespace asyncrace::ui;

TEST_CASE("a task that raised gets a raise mark at its finish, results and cancellations do not") {
  trace::recording r;
  r.task_created(1, no_task, "Task-1", "main", 0.0);
  r.task_created(2, 1, "Task-2", "fail", 0.0);
  r.task_created(3, 1, "Task-3", "ok", 0.0);
  r.task_created(4, 1, "Task-4", "slow", 0.0);
  r.task_finished(3, task_outcome::result, 0.5);
  r.task_finished(2, task_outcome::exception, 1.25);
  r.task_finished(4, task_outcome::cancelled, 1.5);
  r.task_finished(1, task_outcome::exception, 2.0);
  const std::vector<raise_mark> marks = raise_marks(r);
  REQUIRE(marks.size() == 2);
  CHECK(marks[0].task == 2);
  CHECK(marks[0].name == "Task-2");
  CHECK(marks[0].coro == "fail");
  CHECK(marks[0].t == 1.25);
  CHECK(marks[1].coro == "main");
  CHECK(marks[1].t == 2.0);
}

TEST_CASE("a run where nothing raised has no raise marks") {
  trace::recording r;
  r.task_created(1, no_task, "Task-1", "main", 0.0);
  r.task_finished(1, task_outcome::result, 1.0);
  CHECK(raise_marks(r).empty());
}
