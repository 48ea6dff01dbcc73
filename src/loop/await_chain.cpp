#include "loop/await_chain.hpp"

#include <string_view>

#include "loop/task.hpp"
#include "loop/task_driver.hpp"
#include "pyrt/python_source.hpp"

namespace asyncrace {
namespace {

// A function template's coroutine is named without its template arguments, as Python names it
// (to_thread, not to_thread<int (*)(int), int>), as event_loop::adopt_task names Tasks.
std::string_view plain_name(std::string_view name) {
  if (const std::size_t lt = name.find('<'); lt != std::string_view::npos && lt > 0) return name.substr(0, lt);
  return name;
}

unsigned frame_line(const promise_base& p, std::string_view function, const python_source* src) {
  if (!src) return 0;
  if (!p.await_line) return src->def_line(function);  // not started: co_firstlineno
  return p.python_frame ? p.await_line : src->await_line(function, p.await_line);
}

}  // namespace

await_chain build_await_chain(const task_driver& task, const python_source* src) {
  await_chain out;
  out.started = task.started();
  for (const promise_base* p = task.root_promise(); p; p = p->callee) {
    const std::string_view function = plain_name(p->name());
    out.frames.push_back({std::string(function), frame_line(*p, function, src)});
  }
  if (out.started) out.awaits = task.waiting_on();
  return out;
}

}  // namespace asyncrace
