// asyncio.TaskGroup, as CPython 3.11 writes it (Lib/asyncio/taskgroups.py): the block waits for
// every task created in it; the first task to fail cancels its siblings and the block's own
// awaits; all errors are raised together as an ExceptionGroup when the block exits.
//
//   co_await asyncio::with_task_group([&](asyncio::TaskGroup& tg) -> task<> {
//     tg.create_task(work(1));
//     co_await asyncio::sleep(1);
//   });
#pragma once

#include <deque>
#include <exception>
#include <string>
#include <vector>

#include "loop/future_handle.hpp"
#include "loop/task_state.hpp"
#include "pyrt/py_exception.hpp"

namespace asyncrace {

// BaseExceptionGroup('unhandled errors in a TaskGroup', errors)
class exception_group : public py_exception {
 public:
  exception_group(std::string message, std::vector<std::exception_ptr> errors);
  const std::vector<std::exception_ptr>& exceptions() const { return errors_; }
  // The message without the count str() adds ("unhandled errors in a TaskGroup").
  const std::string& message() const { return message_; }

 private:
  std::vector<std::exception_ptr> errors_;
  std::string message_;
};

class task_group {
 public:
  task_group() = default;
  task_group(const task_group&) = delete;
  task_group& operator=(const task_group&) = delete;
  ~task_group();

  // TaskGroup.create_task: a task whose failure aborts the group.
  template <class T>
  task_handle<T> create_task(task<T> coro) {
    check_can_create();
    task_handle<T> t = asyncrace::create_task(*loop_, std::move(coro));
    track(t.state());
    return t;
  }

  // __aenter__ / __aexit__ around a body awaited in the current task.
  void enter();
  task<> exit(std::exception_ptr error, bool error_is_cancellation);

 private:
  struct link {
    task_group* group;
    future_core* task;
  };
  void check_can_create() const;
  void track(future_core& t);
  void abort();  // _abort: cancel every unfinished task
  static void on_task_done(void* link);
  void task_done(future_core& t);

  event_loop* loop_ = nullptr;
  task_driver* parent_ = nullptr;
  std::vector<future_core*> tasks_;  // CPython keeps a set; here creation order (each holds a ref)
  std::deque<link> links_;           // stable addresses for the done-callbacks
  std::vector<std::exception_ptr> errors_;
  future_handle<void> on_completed_;
  bool entered_ = false;
  bool exiting_ = false;
  bool aborting_ = false;
  bool parent_cancel_requested_ = false;
};

// `async with asyncio.TaskGroup() as tg: <body>`
template <class Body>
task<> with_task_group(Body body) {
  task_group group;
  group.enter();
  std::exception_ptr error;
  bool cancelled = false;
  try {
    co_await body(group);
  } catch (const cancelled_error&) {
    error = std::current_exception();
    cancelled = true;
  } catch (...) {
    error = std::current_exception();
  }
  co_await group.exit(error, cancelled);
}

}  // namespace asyncrace
