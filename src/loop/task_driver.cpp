#include "loop/task_driver.hpp"


#include "loop/event_loop.hpp"
#include "loop/future.hpp"
#include "loop/task.hpp"
#include "pyrt/py_exception.hpp"
#include "pyrt/side_table.hpp"

namespace asyncrace {
namespace {
thread_local task_driver* running_driver = nullptr;
}

task_driver* task_driver::running() { return running_driver; }

namespace {
// Given names (create_task(name=...), set_name), by driver: only named Tasks touch it.
struct given_names_tag;
side_table<std::string>& given_names() { return side_table<std::string>::of<given_names_tag>(); }
}  // namespace

task_driver::~task_driver() {
  if (named_) given_names().erase(this);
}

std::string task_driver::name() const {
  if (named_) return given_names().get(this);
  return "Task-" + std::to_string(number);
}

void task_driver::set_name(std::string given) {
  given_names().put(this, std::move(given));
  named_ = true;
}

event_loop& task_driver::loop() const { return self()->loop(); }

const promise_base* task_driver::root_promise() const { return self()->task_root(); }

const char* task_driver::coro_name() const {
  if (const promise_base* root = root_promise()) return root->name();
  return finished_name_;
}

void task_driver::abandon() { self()->task_abandon(); }

void detail::set_current_frame(coro::coroutine_handle<> h) {
  assert(running_driver && "a coroutine was resumed outside a Task");
  running_driver->current = h;
}

void task_driver::throw_cancelled() { throw cancelled_error(); }

void task_driver::step() {
  // A step paused at a slice's end goes on: it is the same Task.__step, not a new one.
  const bool resuming = paused_;
  paused_ = false;
  // Task.__step: a pending cancellation is delivered as CancelledError at the current await.
  if (!resuming) {
    throw_cancel_ = must_cancel_;
    must_cancel_ = false;
  }
  waiter_ = nullptr;
  set_waiting_on({});
  task_driver* outer = std::exchange(running_driver, this);
  context* outer_context = context::swap_current(&ctx);
  if (!resuming) {
    event_loop& on = loop();
    if (loop_observer* o = on.observer()) o->task_stepped(id, on.time());
    on.task_stepping(*this);
  }
  const bool first_step = !started_;
  started_ = true;
  if (first_step && throw_cancel_) {
    // coro.throw() into a coroutine that never started raises at once: none of its body runs.
    throw_cancel_ = false;
    running_driver = outer;
    context::swap_current(outer_context);
    self()->task_complete(true);  // may delete this
    return;
  }
  for (;;) {
    parked_ = false;
    current.resume();
    if (parked_) break;
    if (!current) {  // the root coroutine returned or raised
      running_driver = outer;
      context::swap_current(outer_context);
      self()->task_complete(false);  // may delete this
      return;
    }
  }
  running_driver = outer;
  context::swap_current(outer_context);
}

char task_driver::sleeping_tag = 0;

void task_driver::park_on(future_core& f, const wait_target& why) {
  parked_ = true;
  set_waiting_on(why);
  waiter_ = &f;
  sleep_ = sleep_state::none;
  f.add_done_callback(callback::bind<&task_driver::step_callback>(this));
  if (loop_observer* o = loop().observer()) o->task_suspended(id, why, loop().time());
  // Cancelled during this very step: pass it on to what we now wait for.
  if (must_cancel_ && f.cancel()) must_cancel_ = false;
}

void task_driver::park_on_timer(const wait_target& why) {
  parked_ = true;
  set_waiting_on(why);
  waiter_ = &sleeping_tag;
  sleep_ = sleep_state::pending;
  if (loop_observer* o = loop().observer()) o->task_suspended(id, why, loop().time());
  // Cancelled during this very step: the sleep's future is cancelled at once.
  if (must_cancel_) {
    must_cancel_ = false;
    finish_sleep(sleep_state::cancelled);
  }
}

void task_driver::finish_sleep(sleep_state s) {
  sleep_ = s;
  loop().call_soon(callback::bind<&task_driver::step_callback>(this), ready_kind::done_callback);
}

void task_driver::timer_fired(void* driver) {
  auto* d = static_cast<task_driver*>(driver);
  // The timer of a sleep that was cancelled still fires unless the sleep's frame has gone on
  // (it cancels the timer): _set_result_unless_cancelled then does nothing.
  if (d->sleeping() && d->sleep_ == sleep_state::pending) d->finish_sleep(sleep_state::done);
}

bool task_driver::request_cancel() {
  if (self()->done()) return false;
  ++cancel_requests_;
  if (sleeping()) {
    if (sleep_ == sleep_state::pending) {  // Future.cancel() on the sleep's future
      finish_sleep(sleep_state::cancelled);
      return true;
    }
  } else if (waiter_ && static_cast<future_core*>(waiter_)->cancel()) {
    return true;
  }
  must_cancel_ = true;
  return true;
}

void task_driver::pause_step() {
  parked_ = true;
  paused_ = true;
  loop().pause_iteration(*this);
}

void task_driver::park_one_iteration() {
  parked_ = true;
  sleep_ = sleep_state::none;
  set_waiting_on({wait_kind::yield});
  event_loop& on = loop();
  on.call_soon(callback::bind<&task_driver::step_callback>(this));
  if (loop_observer* o = on.observer()) o->task_suspended(id, waiting_on(), on.time());
}

}  // namespace asyncrace
