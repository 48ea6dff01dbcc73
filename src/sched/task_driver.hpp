// The part of an asyncio Task that runs its coroutines: CPython's Task.__step as a trampoline.
// Every resume happens here, so awaiting a coroutine, finishing one and waking from a future never
// nest on the C++ stack (no symmetric transfer, which wasm cannot do safely; see task.hpp).
#pragma once

#include <cstdint>

#include "coro.hpp"
#include "observer.hpp"

namespace asyncrace {

class event_loop;
class future_core;

class task_driver {
 public:
  struct operations {
    void (*complete)(task_driver&);  // moves the root coroutine's outcome into the Task's future
    void (*abandon)(task_driver&);   // destroys the frames of a Task the loop drops unfinished
  };

  task_driver(event_loop& on, future_core& task, coro::coroutine_handle<> root, const char* name,
              const operations& ops)
      : current(root), self(&task), loop(&on), coro_name(name), ops_(&ops) {}

  // Runs the task until it parks on something or finishes (Task.__step).
  void step();
  static void step_callback(void* driver) { static_cast<task_driver*>(driver)->step(); }

  // Suspends the running task until `f` is done (Task.__step's `add_done_callback(__wakeup)`).
  void park_on(future_core& f, const wait_target& why);
  // Suspends the running task for one trip through the ready queue (`await asyncio.sleep(0)`).
  void park_one_iteration();

  // Destroys the task's frames (when its loop is destroyed before it finished).
  void abandon() { ops_->abandon(*this); }

  // The task whose step is running now; nullptr outside any task.
  static task_driver* running();

  coro::coroutine_handle<> current;  // the innermost frame: what the next resume runs
  future_core* self;                 // the Task's own future
  event_loop* loop;
  const char* coro_name;
  task_id id = no_task;
  std::uint32_t pending_index = 0;  // position in the loop's list of unfinished tasks
  wait_target waiting_on;           // what it is parked on (for traces and deadlock reports)

 private:
  const operations* ops_;
  bool parked_ = false;
};

}  // namespace asyncrace
