#include "loop/never_awaited.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "loop/event_loop.hpp"
#include "loop/task.hpp"
#include "pyrt/python_source.hpp"

namespace asyncrace {

void never_awaited_warnings::warn(event_loop& loop, const char* name) {
  // CPython's warnings.formatwarning, when the object dies:
  //   file.py:7: RuntimeWarning: coroutine 'do_some_work' was never awaited
  //     do_some_work(1)
  //   RuntimeWarning: Enable tracemalloc to get the object allocation traceback
  const unsigned cpp_line = std::exchange(dropped_at_cpp_line_, 0);
  const std::string message = std::string("RuntimeWarning: coroutine '") + name + "' was never awaited";
  // At exit there is no frame to name and `import tracemalloc` fails: one line.
  if (exiting_) return loop.emit(output_stream::warning, "sys:1: " + message);
  const python_source* src = loop.python();
  const unsigned line = src ? src->python_line(cpp_line) : 0;
  if (!line) return loop.emit(output_stream::warning, message);
  std::string_view text = src->line_text(line);
  text.remove_prefix(std::min(text.find_first_not_of(" \t"), text.size()));
  loop.emit(output_stream::warning, src->file() + ":" + std::to_string(line) + ": " + message);
  loop.emit(output_stream::warning, "  " + std::string(text));
  loop.emit(output_stream::warning, "RuntimeWarning: Enable tracemalloc to get the object allocation traceback");
}

exit_scope::exit_scope(event_loop& loop) : warnings_(&loop.never_awaited()) { ++warnings_->exiting_; }
exit_scope::~exit_scope() { --warnings_->exiting_; }

// task.hpp's hooks report to the running loop (none: nothing to report to).
void detail::coroutine_dropped_at(unsigned cpp_line) {
  if (event_loop* loop = event_loop::current()) loop->never_awaited().dropped_at(cpp_line);
}

void detail::coroutine_never_awaited(const char* name) {
  if (event_loop* loop = event_loop::current()) loop->never_awaited().warn(*loop, name);
}

}  // namespace asyncrace
