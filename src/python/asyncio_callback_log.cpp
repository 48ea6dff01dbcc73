// What asyncio's default exception handler logs when a callback run by the loop raises
// (call_soon, call_later, add_done_callback): "Exception in callback f(args) at prog.py:N",
// the handle, and the traceback, on stderr, the moment it raises. And what it logs when a future
// dies holding an exception nobody retrieved (Future.__del__): "Task exception was never
// retrieved", the future's repr and the traceback, the moment the last reference goes.
#include "asyncio_support.hpp"
#include "loop/event_loop.hpp"
#include "loop/future.hpp"
#include "functions.hpp"
#include "interpreter.hpp"
#include "output.hpp"
#include "pyrt/py_repr.hpp"
#include "traceback.hpp"
#include "vm.hpp"

namespace asyncrace::python {

namespace {

// reprlib.repr, which asyncio's format_helpers uses for arguments: a repr longer than 30
// characters (40 for an int) keeps its head and tail around "...".
std::string short_repr(interpreter& in, const value& v) {
  const std::string r = repr(in, v);
  const std::size_t limit = v.is_int() ? 40 : 30;
  if (r.size() <= limit) return r;
  const std::size_t head = (limit - 3) / 2, tail = limit - 3 - head;
  return r.substr(0, head) + "..." + r.substr(r.size() - tail);
}

// format_helpers._format_callback_source: `qualname(args) at file:line` (a plain function's
// source only; a bound method or a builtin has none).
std::string callback_text(interpreter& in, const value& fn, const std::vector<value>& args) {
  const value q = getattr_or_empty(in, fn, in.intern("__qualname__"));
  std::string text = q.empty() ? repr(in, fn) : str(in, q);
  text += '(';
  for (std::size_t i = 0; i < args.size(); ++i) text += (i ? ", " : "") + short_repr(in, args[i]);
  text += ')';
  if (fn.is_object() && type_of(fn) == in.types.function) {
    const code& co = *static_cast<function_object*>(fn.obj())->co;
    text += " at " + co.filename + ":" + std::to_string(co.first_line);
  }
  return text;
}

}  // namespace

void log_callback_exception(interpreter& in, const value& fn, const std::vector<value>& args, std::exception_ptr error) {
  if (!in.record_stderr) return;
  std::string out;
  try {
    const value exc = to_python_exception(in, std::move(error));
    const std::string text = callback_text(in, fn, args);
    out = "Exception in callback " + text + "\nhandle: <Handle " + text + ">\n";
    for (const std::string& chunk : format_exception_chunks(in, exc, true)) out += chunk;
  } catch (const limit_reached&) {
    throw;
  } catch (...) {
    return;  // a repr that raised: the handler's own failure is not reported either
  }
  emit_stderr(in, out);
}

void log_unretrieved_exception(future_core& f) {
  interpreter& in = current_interpreter();
  if (!in.record_stderr || heap_tearing_down || !f.exception()) return;
  std::string out;
  try {
    const value exc = to_python_exception(in, f.exception());
    // "<Task finished name='Task-2' coro=<fail() done, defined at prog.py:5> exception=...>": the
    // scheduler's repr with the exception's Python repr (it knows only the exception's text).
    std::string text = f.repr();
    const std::string sched = " exception=" + exception_repr(f.exception());
    if (auto at = text.find(sched); at != std::string::npos) text.replace(at, sched.size(), " exception=" + repr(in, exc));
    // The class's name: Task, Future, _GatheringFuture.
    const std::string kind = text.substr(1, text.find(' ') - 1);
    out = kind + " exception was never retrieved\nfuture: " + text + "\n";
    for (const std::string& chunk : format_exception_chunks(in, exc, true)) out += chunk;
    emit_stderr(in, out);
  } catch (...) {
    // A repr that raised, or the output limit: nothing more can be said from inside a release
    // (the next print reaches the limit again).
  }
}

}  // namespace asyncrace::python
