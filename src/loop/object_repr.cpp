#include "loop/object_repr.hpp"

#include "loop/event_loop.hpp"
#include "loop/task.hpp"
#include "loop/task_driver.hpp"
#include "pyrt/address.hpp"
#include "pyrt/python_source.hpp"

namespace asyncrace {

std::string coroutine_repr(std::string_view qualname, const void* frame) {
  return "<coroutine object " + std::string(qualname) + " at " + address_text(frame) + ">";
}

namespace {
std::string state_word(const future_core& f) {
  return f.cancelled() ? "cancelled" : f.done() ? "finished" : "pending";
}
std::string callbacks_repr(const future_core& f) {
  const std::size_t n = f.callback_count();
  if (n == 0) return "";
  const std::string one = "Task.task_wakeup()";  // the only callback a tutorial's future has
  if (n == 1) return " cb=[" + one + "]";
  if (n == 2) return " cb=[" + one + ", " + one + "]";
  return " cb=[" + one + ", <" + std::to_string(n - 2) + " more>, " + one + "]";
}
// The future CPython's sleep would wait on, whose only callback is the task's wakeup until it is
// done (future_repr of that future).
std::string sleep_future_repr(task_driver::sleep_state s) {
  switch (s) {
    case task_driver::sleep_state::done: return "<Future finished result=None>";
    case task_driver::sleep_state::cancelled: return "<Future cancelled>";
    default: return "<Future pending cb=[Task.task_wakeup()]>";
  }
}
}  // namespace

std::string future_repr(const future_core& f, std::string_view class_name) {
  std::string out = "<" + std::string(class_name) + " " + state_word(f);
  if (f.done() && !f.cancelled() && f.exception()) out += " exception=" + exception_repr(f.exception());
  return out + callbacks_repr(f) + ">";
}

std::string task_repr(const task_driver& d, const std::string& result) {
  const future_core& f = *d.self();
  // base_tasks._task_repr_info: "cancelling" while a cancellation request is not withdrawn.
  const std::string word = (!f.done() && d.cancelling() > 0) ? "cancelling" : state_word(f);
  const char* coro = d.coro_name();
  std::string out = "<Task " + word + " name=" + py_repr(d.name()) + " coro=<" + coro + "()";
  const python_source* src = d.loop().python();
  const std::string file = src ? src->file() : std::string("<unknown>");
  if (!f.done()) {
    // A frame that has not started stands at its def line (co_firstlineno).
    const promise_base* root = d.root_promise();
    unsigned line = root && root->await_line && src ? src->python_line(root->await_line) : 0;
    if (!line && src) line = src->def_line(coro);
    out += " running at " + file + ":" + std::to_string(line) + ">";
  } else {
    out += " done, defined at " + file + ":" + std::to_string(src ? src->def_line(coro) : 0) + ">";
  }
  if (const future_core* w = d.waiter()) out += " wait_for=" + w->repr();
  if (d.sleeping()) out += " wait_for=" + sleep_future_repr(d.sleep_status());
  if (f.done() && !f.cancelled()) out += f.exception() ? " exception=" + exception_repr(f.exception()) : " result=" + reprlib_repr(result);
  return out + callbacks_repr(f) + ">";
}

}  // namespace asyncrace
