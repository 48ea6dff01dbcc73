// asyncio.run(main) as a state machine that advances one loop iteration at a time, so the page can
// drive it from the browser's frame loop and the CLI can run it to the end. Phases follow
// asyncio.Runner: run main until done (with its stop-callback iteration); cancel the tasks left
// unfinished and run until they end (gather(*left, return_exceptions=True)); then the two
// shutdown steps CPython runs as Tasks of their own (shutdown_asyncgens, shutdown_default_executor),
// which cost two iterations each and take Task-N numbers.
#pragma once

#include <exception>
#include <vector>

#include "loop/event_loop.hpp"
#include "loop/task_state.hpp"

namespace asyncrace {

class runner {
 public:
  explicit runner(event_loop& loop) : loop_(&loop) {}
  runner(const runner&) = delete;
  runner& operator=(const runner&) = delete;
  ~runner();

  // Creates the main task (Task-1 in a fresh loop). With `shutdown` false the runner is
  // loop.run_until_complete(main) instead: it ends when main is done, leaving other tasks as
  // they are and running no shutdown steps.
  template <class T>
  task_handle<T> start(task<T> main, bool shutdown = true) {
    shutdown_ = shutdown;
    task_handle<T> h = create_task(*loop_, std::move(main));
    start_phase(&h.state());
    return h;
  }

  // Runs one loop iteration; false once everything has finished. Throws deadlock_error when the
  // loop runs dry before the current phase is done.
  bool step();
  bool finished() const { return phase_ == phase::done; }
  // What main raised (CancelledError included), or null.
  std::exception_ptr main_exception() const;
  event_loop& loop() const { return *loop_; }

 private:
  enum class phase { main, cancel_leftovers, shutdown_asyncgens, shutdown_executor, done };
  void start_phase(future_core* main);
  void next_phase();
  static void internal_step(void* self);

  event_loop* loop_;
  phase phase_ = phase::done;
  ref<future_core> main_;
  ref<future_core> leftovers_;  // the gather over the cancelled leftovers
  bool internal_done_ = false;
  bool shutdown_ = true;
};

}  // namespace asyncrace
