#include "program/program.hpp"

#include "pyrt/context.hpp"
#include "pyrt/py_exception.hpp"
#include "pyrt/py_format.hpp"

namespace asyncrace {

namespace {
thread_local module_state* current_module = nullptr;

class module_scope {
 public:
  explicit module_scope(module_state* m) : previous_(std::exchange(current_module, m)) {}
  ~module_scope() { current_module = previous_; }
  module_scope(const module_scope&) = delete;
  module_scope& operator=(const module_scope&) = delete;

 private:
  module_state* previous_;
};

// What the golden generator's virtual loop raises when nothing is ready and no timer exists
// (tests/golden/README.md, "Deadlock"): a real Python process would hang.
std::string deadlock_text(double now) {
  return "DeadlockError: deadlock at t=" + py_float_repr(now) +
         ": no callback is ready and no timer is scheduled, the event loop would wait forever";
}

// The last traceback line CPython prints for an exception that ends the program.
std::string exception_text(const std::exception_ptr& e, double now) {
  try {
    std::rethrow_exception(e);
  } catch (const deadlock_error&) {
    return deadlock_text(now);
  } catch (const cancelled_error& c) {
    // The traceback names it by its module, as it does every non-builtin exception.
    const std::string m = c.what();
    return m.empty() ? "asyncio.exceptions.CancelledError" : "asyncio.exceptions.CancelledError: " + m;
  } catch (const py_exception& pe) {
    return pe.python_text();
  } catch (const std::exception& se) {
    return std::string("Exception: ") + se.what();
  } catch (...) {
    return "Exception: unknown C++ exception";
  }
}
// The lines around that last line, when the exception knows its frames (an interpreted one).
py_exception::traceback_text traceback_of(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const py_exception& pe) {
    return pe.traceback();
  } catch (...) {
    return {};
  }
}
}  // namespace

module_state* module_state::current() { return current_module; }

void module_state::release_all() {
  for (auto& release : std::exchange(kept_, {})) release();
}

// The interpreter's state for one program: its Out[] history and its main thread's contextvars
// context, fresh for each program (so nothing one run sets at module level leaks into the next).
struct program_runner::module : module_state {
  contextvars::context context;
};

namespace {
class context_scope {
 public:
  explicit context_scope(contextvars::context& c) : previous_(contextvars::context::swap_current(&c)) {}
  ~context_scope() { contextvars::context::swap_current(previous_); }
  context_scope(const context_scope&) = delete;
  context_scope& operator=(const context_scope&) = delete;

 private:
  contextvars::context* previous_;
};
}  // namespace

program_runner::program_runner(event_loop& loop, program p)
    : loop_(&loop), program_(std::move(p)), module_(std::make_unique<module>()) {}

program_runner::~program_runner() {
  if (!finished_) finish();
}

bool program_runner::step() {
  if (finished_) return false;
  if (!run_) {
    resume_module();
    return !finished_;
  }
  try {
    module_scope scope(module_.get());  // its tasks run the module's code too (random, os.urandom)
    if (run_->step()) return true;
  } catch (const deadlock_error&) {
    fail(deadlock_text(loop_->time()));
    return false;
  }
  resume_module();  // asyncio.run returned: the module code goes on
  return !finished_;
}

void program_runner::resume_module() {
  run_.reset();
  auto& promise = program_.h_.promise();
  {
    running_scope loop_scope(loop_);
    module_scope scope(module_.get());
    context_scope in_context(module_->context);
    program_.h_.resume();
    if (std::exchange(promise.paused, false)) return;  // goes on at the next step
    if (detail::run_request_base* request = std::exchange(promise.pending, nullptr)) {
      run_ = std::make_unique<runner>(*loop_);
      request->start(*run_);  // main's Task copies the module's context
      return;
    }
  }
  if (promise.error) return fail(exception_text(promise.error, loop_->time()), traceback_of(promise.error));
  finish();
}

void program_runner::fail(std::string text, const py_exception::traceback_text& traceback) {
  error_ = std::move(text);
  for (const std::string& line : traceback.above) loop_->emit(output_stream::err, line);
  loop_->emit(output_stream::exception, error_);
  for (const std::string& line : traceback.below) loop_->emit(output_stream::err, line);
  finish();
}

void program_runner::finish() {
  finished_ = true;
  run_.reset();
  // Interpreter exit: the module's globals and Out[] history die; a coroutine among them warns
  // from `sys:1` (exit_scope tells the loop's never-awaited warnings so).
  running_scope loop_scope(loop_);
  module_scope scope(module_.get());
  context_scope in_context(module_->context);
  exit_scope at_exit(*loop_);
  module_->release_all();
  program_ = program();
}

}  // namespace asyncrace
