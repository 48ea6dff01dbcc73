// The part of an asyncio Task that runs its coroutines: CPython's Task.__step as a trampoline.
// Every resume happens here, so awaiting a coroutine, finishing one and waking from a future never
// nest on the C++ stack (no symmetric transfer, which wasm cannot do safely; see task.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "loop/coro.hpp"
#include "loop/observer.hpp"
#include "pyrt/context.hpp"

namespace asyncrace {

class event_loop;
class future_core;

class task_driver {
 public:
  struct operations {
    // Moves the root coroutine's outcome into the Task's future; `cancelled` when the task ends
    // cancelled without its coroutine having raised (cancelled before its first step).
    void (*complete)(task_driver&, bool cancelled);
    void (*abandon)(task_driver&);   // destroys the frames of a Task the loop drops unfinished
  };

  task_driver(event_loop& on, future_core& task, coro::coroutine_handle<> root, const char* name,
              const operations& ops)
      : current(root), self(&task), loop(&on), coro_name(name), ctx(context::current()), ops_(&ops) {}

  // Runs the task until it parks on something or finishes (Task.__step).
  void step();
  static void step_callback(void* driver) { static_cast<task_driver*>(driver)->step(); }

  // Suspends the running task until `f` is done (Task.__step's `add_done_callback(__wakeup)`).
  void park_on(future_core& f, const wait_target& why);
  // Suspends the running task until a timer of the loop calls timer_fired (asyncio.sleep(d > 0)). CPython's
  // sleep makes a future that the timer completes and the task waits on; here the task itself
  // stands for that future (its state is sleep_state()), so a sleeping frame holds no future:
  // the same iterations (timer → wakeup → step), the same cancellation, the same reprs.
  void park_on_timer(const wait_target& why);
  // The timer callback of park_on_timer (futures._set_result_unless_cancelled on the sleep's
  // future, whose done-callback is the task's wakeup).
  static void timer_fired(void* driver);
  // The state of the future a sleep stands for, from park_on_timer until the next park:
  // pending, done (the timer fired) or cancelled (Task.cancel while it slept).
  enum class sleep_state : std::uint8_t { none, pending, done, cancelled };
  sleep_state sleep_status() const { return sleep_; }
  // Suspends the running task for one trip through the ready queue (`await asyncio.sleep(0)`).
  void park_one_iteration();
  // Suspends the running task mid-step because the page's slice of work ran out (the interpreter's
  // slices): nothing else runs before the loop's next run_once goes on with this same step.
  void pause_step();

  // Task.cancel(): passes the request to the future the task waits on, or else marks the task so
  // that its next step raises CancelledError where it is suspended. False once it is done.
  bool request_cancel();
  // Called first by every awaiter's await_resume: throws CancelledError when this step was
  // begun to deliver a cancellation (CPython's coro.throw(CancelledError) into the await).
  void raise_pending_cancel() {
    if (throw_cancel_) {
      throw_cancel_ = false;
      throw_cancelled();
    }
  }
  // Task.cancelling() / Task.uncancel(): the count of cancellation requests not yet withdrawn
  // (asyncio.timeout uses it to tell its own cancellation from an outside one).
  int cancelling() const { return cancel_requests_; }
  int uncancel() { return cancel_requests_ > 0 ? --cancel_requests_ : 0; }
  // A cancellation requested while the task ran, not yet delivered (Task._must_cancel).
  bool must_cancel() const { return must_cancel_; }

  // Destroys the task's frames (when its loop is destroyed before it finished).
  void abandon() { ops_->abandon(*this); }

  // Its first step has run (a Task not yet started awaits nothing).
  bool started() const { return started_; }
  // The future it is parked on (Task._fut_waiter), or null; null too while it sleeps, when
  // sleeping() says so (the sleep's future is the task itself: sleep_status()).
  const future_core* waiter() const { return sleeping() ? nullptr : static_cast<const future_core*>(waiter_); }
  bool sleeping() const { return waiter_ == &sleeping_tag; }

  // The task whose step is running now; nullptr outside any task.
  static task_driver* running();

  coro::coroutine_handle<> current;  // the innermost frame: what the next resume runs
  future_core* self;                 // the Task's own future
  event_loop* loop;
  const char* coro_name;
  task_id id = no_task;           // dense id for observers and traces (lanes)
  std::uint32_t number = 0;       // N in CPython's name "Task-N"
  // The name the program gave it (create_task(name=...), set_name), or null for "Task-N".
  std::unique_ptr<std::string> custom_name;
  std::string name() const { return custom_name ? *custom_name : "Task-" + std::to_string(number); }
  const struct promise_base* root_promise = nullptr;  // its coroutine's (for reprs: the await line)
  wait_target waiting_on;                  // what it is parked on (for traces and deadlock reports)
  // The context its steps run in: a copy of the one current when the task was created
  // (Task.__init__'s copy_context(); each step is `self._context.run(self.__step)`).
  context ctx;

 private:
  friend class task_registry;  // its list of unfinished tasks runs through these two
  task_driver* prev_unfinished_ = nullptr;
  task_driver* next_unfinished_ = nullptr;

  [[noreturn]] static void throw_cancelled();
  void finish_step(task_driver* outer);

  // A sleep's "future" finishes as a future would: its wakeup scheduled with call_soon.
  void finish_sleep(sleep_state s);
  static char sleeping_tag;  // waiter_ while parked on a timer

  const operations* ops_;
  // What it is parked on (Task._fut_waiter): a future_core, or &sleeping_tag for a timer.
  void* waiter_ = nullptr;
  int cancel_requests_ = 0;
  sleep_state sleep_ = sleep_state::none;
  bool parked_ = false;
  bool started_ = false;
  bool must_cancel_ = false;
  bool throw_cancel_ = false;
  bool paused_ = false;  // its step stopped at a slice's end: the next step() goes on with it

 public:
  // (Here, beside the flags above, so that no padding follows it.)
  std::uint32_t chain_slot = 0;  // 1 + its place in the loop's changed chains, 0 if not there
};

}  // namespace asyncrace
