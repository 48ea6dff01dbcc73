// The tasks that raised: a task whose coroutine ended with an exception (not a cancellation) is
// marked on its lane at the virtual time it raised, the race diagram's raise mark. Read from the
// trace only (its lanes' outcomes and finish times).
#pragma once

#include <string>
#include <vector>

#include "trace/recording.hpp"

namespace asyncrace::ui {

struct raise_mark {
  task_id task = no_task;
  std::string name;  // "Task-2"
  std::string coro;  // "fail"
  double t = 0.0;    // when it raised (its lane's finish)
};

// In the order the tasks finished.
std::vector<raise_mark> raise_marks(const trace::recording& rec);

}  // namespace asyncrace::ui
