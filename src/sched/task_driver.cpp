#include "task_driver.hpp"

#include "event_loop.hpp"
#include "future.hpp"
#include "task.hpp"

namespace asyncrace {
namespace {
thread_local task_driver* running_driver = nullptr;
}

task_driver* task_driver::running() { return running_driver; }

void detail::set_current_frame(coro::coroutine_handle<> h) {
  assert(running_driver && "a coroutine was resumed outside a Task");
  running_driver->current = h;
}

void task_driver::step() {
  task_driver* outer = std::exchange(running_driver, this);
  if (loop_observer* o = loop->observer()) o->task_stepped(id, loop->time());
  waiting_on = {};
  for (;;) {
    parked_ = false;
    current.resume();
    if (parked_) break;
    if (!current) {  // the root coroutine returned or raised
      running_driver = outer;
      ops_->complete(*this);  // may delete this
      return;
    }
  }
  running_driver = outer;
}

void task_driver::park_on(future_core& f, const wait_target& why) {
  parked_ = true;
  waiting_on = why;
  f.add_done_callback({&task_driver::step_callback, this});
  if (loop_observer* o = loop->observer()) o->task_suspended(id, why, loop->time());
}

void task_driver::park_one_iteration() {
  parked_ = true;
  waiting_on = {wait_kind::yield};
  loop->call_soon({&task_driver::step_callback, this});
  if (loop_observer* o = loop->observer()) o->task_suspended(id, waiting_on, loop->time());
}

}  // namespace asyncrace
