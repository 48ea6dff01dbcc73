// The loop's Tasks: CPython's Task-N numbering, the dense ids observers see, and the unfinished
// Tasks in creation order (asyncio.all_tasks(); CPython's is a set, whose order follows
// allocation in practice). A vector of drivers in creation order, with a hole where a Task
// finished (each driver knows its index): 8 bytes a Task, no node allocations; the holes are
// squeezed out, in order, once they are most of it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "loop/bulk_memory.hpp"
#include "loop/observer.hpp"

namespace asyncrace {

class task_driver;

class task_registry {
 public:
  // Numbers a new Task (Task-N, and its id) and lists it last among the unfinished.
  void adopt(task_driver& d);
  // Counts a Task CPython creates for itself (asyncio.run's shutdown steps): it takes a Task-N
  // number, so later tasks are named as in CPython, but it is not one of the program's tasks.
  void skip_number() { ++task_counter_; }
  // `d` has finished: off the list.
  void finished(task_driver& d);

  std::size_t unfinished_count() const { return unfinished_count_; }
  std::vector<task_driver*> unfinished() const;
  // Empties the list (the loop's destruction) and returns what was on it.
  std::vector<task_driver*> take_unfinished();
  // One line per unfinished task and what it awaits (for deadlock reports).
  std::string describe() const;

 private:
  template <class F>
  void each_unfinished(F&& f) const {
    for (task_driver* d : list_)
      if (d) f(d);
  }
  void compact();

  bulk_vector<task_driver*> list_;  // null: a hole, where a task finished
  std::size_t unfinished_count_ = 0;
  std::uint32_t task_counter_ = 0;  // CPython's Task-N counter (per loop here: one per run)
  task_id task_ids_ = 0;            // ids of the tasks observers see: dense, 1, 2, 3, ...
};

}  // namespace asyncrace
