// CPython's "coroutine '…' was never awaited" RuntimeWarning, printed when a coroutine object dies
// without having started (a task<T> destroyed unstarted, task.hpp; an interpreted coroutine). The
// loop the program runs on owns what the warning needs to know: which statement dropped the
// coroutine (forget(coro), for the file:line CPython names) and whether the interpreter is
// exiting (then CPython attributes it to `sys:1`).
#pragma once

namespace asyncrace {

class event_loop;

class never_awaited_warnings {
 public:
  // The C++ line of the statement dropping a coroutine now (the next warning's location).
  void dropped_at(unsigned cpp_line) { dropped_at_cpp_line_ = cpp_line; }
  // Emits the warning for coroutine `name` through `loop` (its clock, its Python source).
  void warn(event_loop& loop, const char* name);

 private:
  friend class exit_scope;
  unsigned dropped_at_cpp_line_ = 0;
  unsigned exiting_ = 0;  // exit_scopes alive
};

// While one lives, the program on `loop` is exiting: a coroutine dying unawaited is attributed to
// `sys:1`, as CPython does for what the module's globals held.
class exit_scope {
 public:
  explicit exit_scope(event_loop& loop);
  ~exit_scope();
  exit_scope(const exit_scope&) = delete;
  exit_scope& operator=(const exit_scope&) = delete;

 private:
  never_awaited_warnings* warnings_;
};

}  // namespace asyncrace
