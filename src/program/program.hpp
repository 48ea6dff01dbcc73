// A Python program's module-level code as a C++ coroutine: what `python3 file.py` runs. The
// module code itself runs synchronously (prints, blocking calls, displayed values), and each
// `asyncio.run(main)` it makes is handed to whoever drives the program, which runs that main on
// the event loop one iteration at a time and resumes the program with main's result (or throws
// main's exception at the `co_await`, as asyncio.run raises it):
//
//   program script() {
//     print("before");                        // module level: no task
//     int r = co_await asyncio::run(main());  // asyncio.run(main())
//     display(do_some_work(1));               // a bare expression: its repr, kept alive
//   }
//
// One event loop serves every run of a program, so the virtual clock and CPython's Task-N counter
// carry on from one asyncio.run to the next, as they do in one CPython process.
#pragma once

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "asyncio/runner.hpp"
#include "loop/coro.hpp"
#include "loop/event_loop.hpp"
#include "loop/task.hpp"
#include "loop/task_state.hpp"
#include "sched/asyncio.hpp"
#include "pyrt/py_exception.hpp"

namespace asyncrace {

class program_runner;

namespace detail {
// What an awaited asyncio.run / run_until_complete asks the program's driver to do.
struct run_request_base {
  virtual ~run_request_base() = default;
  virtual void start(runner& r) = 0;  // creates the main task on r's loop
};
}  // namespace detail

class program {
 public:
  struct promise_type {
    program get_return_object() { return program(handle::from_promise(*this)); }
    coro::suspend_always initial_suspend() const noexcept { return {}; }
    coro::suspend_always final_suspend() const noexcept { return {}; }
    void return_void() const noexcept {}
    void unhandled_exception() { error = std::current_exception(); }

    detail::run_request_base* pending = nullptr;  // set while suspended on a run
    bool paused = false;  // suspended at the end of a slice of work (module_slice_pause)
    std::exception_ptr error;                     // what escaped the module code
  };
  using handle = coro::coroutine_handle<promise_type>;

  program() = default;
  program(program&& o) noexcept : h_(std::exchange(o.h_, {})) {}
  program& operator=(program&& o) noexcept {
    if (this != &o) {
      if (h_) h_.destroy();
      h_ = std::exchange(o.h_, {});
    }
    return *this;
  }
  ~program() {
    if (h_) h_.destroy();
  }

 private:
  friend class program_runner;
  explicit program(handle h) : h_(h) {}
  handle h_;
};

// `co_await asyncio::run(main())` inside a program.
template <class T>
class run_request : public detail::run_request_base {
 public:
  // `shutdown`: asyncio.run (true) or loop.run_until_complete (false).
  run_request(task<T> main, bool shutdown) : main_(std::move(main)), shutdown_(shutdown) {}
  void start(runner& r) override { handle_ = r.start(std::move(main_), shutdown_); }

  bool await_ready() const noexcept { return false; }
  void await_suspend(program::handle h) noexcept { h.promise().pending = this; }
  stored_t<T> await_resume() {
    if (handle_.state().cancelled()) throw cancelled_error();
    return handle_.result();  // rethrows what main raised
  }

 private:
  task<T> main_;
  task_handle<T> handle_;
  bool shutdown_;
};

// `co_await module_slice_pause{}` in module code: the page's slice of work ran out (the
// interpreter's slices); the driver resumes the module at its next step.
struct module_slice_pause {
  bool await_ready() const noexcept { return false; }
  void await_suspend(program::handle h) const noexcept { h.promise().paused = true; }
  void await_resume() const noexcept {}
};

// Drives a program: resumes the module code, runs each requested asyncio.run one loop iteration
// per step, and at the end tears the module down as the interpreter does at exit (values kept
// alive by display() die then; a coroutine among them warns from `sys:1`).
class program_runner {
 public:
  program_runner(event_loop& loop, program p);
  ~program_runner();
  program_runner(const program_runner&) = delete;
  program_runner& operator=(const program_runner&) = delete;

  // One unit of work: a stretch of module code, or one loop iteration of the current run. False
  // once the program has ended. Throws deadlock_error when a run's loop runs dry.
  bool step();
  bool finished() const { return finished_; }
  // True while a run is in progress (the next step is a loop iteration).
  bool in_run() const { return run_ != nullptr; }
  // The last traceback line of what ended the program (an exception the module code did not
  // catch, or a deadlock reported as a RuntimeError); empty when it ended normally. It is also in
  // the transcript as an exception record, before the warnings of the interpreter's exit.
  const std::string& error() const { return error_; }
  event_loop& loop() const { return *loop_; }

 private:
  struct module;
  void resume_module();
  void fail(std::string text, const py_exception::traceback_text& traceback = {});
  void finish();

  event_loop* loop_;
  program program_;
  std::unique_ptr<module> module_;
  std::unique_ptr<runner> run_;
  std::string error_;
  bool finished_ = false;
};

// The module's Out[] history: a displayed value lives until the program ends.
namespace detail {
struct py_process;
}

class module_state {
 public:
  module_state();
  ~module_state();  // (py_process.cpp: where a py_process is complete)
  module_state(const module_state&) = delete;
  module_state& operator=(const module_state&) = delete;

  // The module of the program whose code runs now on this thread (null outside one).
  static module_state* current();
  void keep(std::function<void()> release) { kept_.push_back(std::move(release)); }
  // Interpreter exit: what the module kept dies, oldest first.
  void release_all();
  // What its python3 process owns (`random`'s hidden instance, os.urandom: py_process.hpp),
  // made on first use.
  detail::py_process& process();

 private:
  std::vector<std::function<void()>> kept_;
  std::unique_ptr<detail::py_process> process_;
};

// A bare expression statement in a notebook cell: IPython shows repr(value) (nothing for None)
// and keeps the value in its Out[] history, so a displayed coroutine is not destroyed (and does
// not warn) until the program ends.
template <class T>
void display(task<T>&& coro) {
  print(coroutine_repr(coro.name(), coro.handle().address()));
  if (module_state* m = module_state::current()) {
    auto kept = std::make_shared<task<T>>(std::move(coro));
    m->keep([kept]() mutable { kept.reset(); });
  }
}
// A displayed value whose repr the caller spells (a Task's repr(), a list ...).
inline void display_repr(const std::string& repr) { print(repr); }

}  // namespace asyncrace
