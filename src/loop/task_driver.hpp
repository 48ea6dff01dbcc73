// The part of an asyncio Task that runs its coroutines: CPython's Task.__step as a trampoline.
// Every resume happens here, so awaiting a coroutine, finishing one and waking from a future never
// nest on the C++ stack (no symmetric transfer, which wasm cannot do safely; see task.hpp).
#pragma once

#include <cassert>
#include <cstdint>
#include <string>

#include "loop/coro.hpp"
#include "loop/observer.hpp"
#include "pyrt/context.hpp"

namespace asyncrace {

class event_loop;
class future_core;

class task_driver {
 public:
  // A Task's driver is built by task_state<T> (its only owner), which answers the hooks of
  // future_core (task_complete, task_abandon, task_root) for it.
  task_driver(future_core& task, coro::coroutine_handle<> root)
      : current(root), ctx(context::current()), self_words_(words_after(task)) {}
  ~task_driver();
  task_driver(const task_driver&) = delete;
  task_driver& operator=(const task_driver&) = delete;

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
  void abandon();

  // Its first step has run (a Task not yet started awaits nothing).
  bool started() const { return started_; }
  // The future it is parked on (Task._fut_waiter), or null; null too while it sleeps, when
  // sleeping() says so (the sleep's future is the task itself: sleep_status()).
  const future_core* waiter() const { return sleeping() ? nullptr : static_cast<const future_core*>(waiter_); }
  bool sleeping() const { return waiter_ == &sleeping_tag; }

  // The task whose step is running now; nullptr outside any task.
  static task_driver* running();

  // (The fields are ordered so that none is padded natively: 56 bytes; 48 as wasm, 4 of them padding.)
 private:
  // waiting_on(): a sleep's deadline, or else the task (the first of a gather's) and the count.
  union wait_detail {
    double deadline;
    struct {
      task_id task;
      std::uint32_t count;
    } of;
  } wait_{.deadline = 0.0};

 public:
  // The innermost frame: what the next resume runs. Once the root coroutine has returned (or its
  // loop has dropped it) nothing resumes the Task again, and the same word keeps the root's name
  // for reprs (finish_root): 8 bytes less in every Task than a name of its own.
  union {
    coro::coroutine_handle<> current;
    const char* finished_name_;
  };
  // The Task's own future: the object this driver is a member of, found by the distance between
  // the two (8 bytes less in every Task than a pointer).
  future_core* self() const {
    return reinterpret_cast<future_core*>(reinterpret_cast<std::uintptr_t>(this) - std::uintptr_t{self_words_} * word);
  }
  event_loop& loop() const;          // its future's loop
  // Its root coroutine's name: the root promise's while the frame lives, then kept in its place.
  const char* coro_name() const;
  // Called as the root frame goes (task_state: completed or abandoned), with its name.
  void finish_root(const char* name) { finished_name_ = name; }
  // Its root coroutine's promise while it runs (for reprs: the await line), else null.
  const struct promise_base* root_promise() const;
  task_id id = no_task;           // dense id for observers and traces (lanes)
  std::uint32_t number = 0;       // N in CPython's name "Task-N"
  // The name the program gave it (create_task(name=...), set_name), else "Task-N". A given name
  // is rare, so it lives in a side table, not in every Task.
  std::string name() const;
  void set_name(std::string given);
  // What it is parked on (for traces, reprs and deadlock reports).
  wait_target waiting_on() const {
    if (wait_kind_ == wait_kind::sleep) return {wait_kind::sleep, wait_.deadline, no_task, 0};
    return {wait_kind_, 0.0, wait_.of.task, wait_.of.count};
  }
  // The context its steps run in: a copy of the one current when the task was created
  // (Task.__init__'s copy_context(); each step is `self._context.run(self.__step)`).
  context ctx;

 private:
  friend class task_registry;  // its list of unfinished tasks indexes this

  [[noreturn]] static void throw_cancelled();
  std::uint8_t words_after(const future_core& task) const {
    const std::uintptr_t distance = reinterpret_cast<std::uintptr_t>(this) - reinterpret_cast<std::uintptr_t>(&task);
    assert(distance % word == 0 && distance / word <= max_self_words);
    return static_cast<std::uint8_t>(distance / word);
  }

 public:
  // The farthest a Task's driver may sit from its future, in words (task_state asserts it for
  // each T).
  static constexpr std::uintptr_t word = 8;
  static constexpr std::size_t max_self_words = 255;

 private:
  void finish_step(task_driver* outer);
  // A sleep's wait has a deadline and no task, any other wait a task (or gather) and no deadline
  // (what every park passes): so the two share their bytes.
  void set_waiting_on(const wait_target& w) {
    assert(w.kind == wait_kind::sleep ? w.target == no_task && w.count == 0 : w.deadline == 0.0);
    wait_kind_ = w.kind;
    if (w.kind == wait_kind::sleep)
      wait_.deadline = w.deadline;
    else
      wait_.of = {w.target, w.count};
  }

  // A sleep's "future" finishes as a future would: its wakeup scheduled with call_soon.
  void finish_sleep(sleep_state s);
  static char sleeping_tag;  // waiter_ while parked on a timer

  // What it is parked on (Task._fut_waiter): a future_core, or &sleeping_tag for a timer.
  void* waiter_ = nullptr;
  int cancel_requests_ = 0;
  std::uint32_t registry_slot_ = 0;  // its place in the registry's list of unfinished tasks
  wait_kind wait_kind_ = wait_kind::future;
  sleep_state sleep_ = sleep_state::none;
  bool parked_ : 1 = false;
  bool started_ : 1 = false;
  bool must_cancel_ : 1 = false;
  bool throw_cancel_ : 1 = false;
  bool paused_ : 1 = false;  // its step stopped at a slice's end: the next step() goes on with it
  bool named_ : 1 = false;   // it has a given name (in the side table)
  std::uint8_t self_words_;  // how many words self() is before this

 public:
  std::uint32_t chain_slot = 0;  // 1 + its place in the loop's changed chains, 0 if not there
};

}  // namespace asyncrace
