// asyncio.TaskGroup for interpreted programs: `async with asyncio.TaskGroup() as tg:` around a block
// of the current task, over the scheduler's task_group (sched/task_group.hpp: its enter/exit are
// __aenter__/__aexit__), so the children's cancellation on the first failure and the
// ExceptionGroup of the failures are the C++ tutorials' own.
#include "args.hpp"
#include "asyncio_natives.hpp"
#include "asyncio_objects.hpp"
#include "asyncio_support.hpp"
#include "asyncio/task_group.hpp"

namespace asyncrace::python {

namespace {

struct task_group_object : object {
  asyncrace::task_group g;
  bool entered = false;
};

std::string task_group_repr(interpreter&, const value& v) {
  return static_cast<task_group_object*>(v.obj())->entered ? "<TaskGroup entered>" : "<TaskGroup>";
}

task_group_object& tg_of(interpreter& in, const call_args& a) {
  return native_self<task_group_object>(in, a, task_group_repr, "TaskGroup");
}

value task_group_new(interpreter& in, const call_args& a, object* t) {
  expect_args(in, a, "TaskGroup", 0);
  return value::adopt(in.heap.make<task_group_object>(static_cast<type_object*>(t)));
}

task<value> give(value v) { co_return v; }

value task_group_aenter(interpreter& in, const call_args& a, object*) {
  task_group_object& g = tg_of(in, a);
  if (g.entered) throw_error(in, in.types.RuntimeError, "TaskGroup " + task_group_repr(in, a.args[0]) + " has been already entered");
  if (!task_driver::running()) throw_error(in, in.types.RuntimeError, "TaskGroup " + task_group_repr(in, a.args[0]) + " cannot determine the parent task");
  g.g.enter();
  g.entered = true;
  return make_native_coroutine(in, give(a.args[0]), "TaskGroup.__aenter__");
}

// __aexit__: waits for every child; raises what the group decides (an ExceptionGroup, or the
// block's CancelledError); returning None lets the block's own exception, if any, go on.
task<value> exit_body(value self, std::exception_ptr error, bool cancellation) {
  co_await static_cast<task_group_object*>(self.obj())->g.exit(error, cancellation);
  co_return value::none();
}

value task_group_aexit(interpreter& in, const call_args& a, object*) {
  tg_of(in, a);
  std::exception_ptr error;
  bool cancellation = false;
  if (a.npos > 2 && !a.args[2].is_none()) {
    error = as_exception_ptr(a.args[2]);
    cancellation = a.args[1].is_object() && a.args[1].obj() == in.types.CancelledError;
  }
  return make_native_coroutine(in, exit_body(a.args[0], error, cancellation), "TaskGroup.__aexit__");
}

value task_group_create_task(interpreter& in, const call_args& a, object*) {
  task_group_object& g = tg_of(in, a);
  if (a.npos != 2) throw_error(in, in.types.TypeError, "TaskGroup.create_task() missing 1 required positional argument: 'coro'");
  const value& coro = a.args[1];
  if (!is_coroutine(coro)) throw_error(in, in.types.TypeError, "a coroutine was expected, got " + repr(in, coro));
  if (!g.entered) throw_error(in, in.types.RuntimeError, "TaskGroup " + task_group_repr(in, a.args[0]) + " has not been entered");
  count_new_task(in);
  return make_task_object(in, g.g.create_task(task_coroutine(in, coro)), keyword_arg(a, "name"));
}

}  // namespace

void fill_asyncio_taskgroup(interpreter& in, module_object& m) {
  type_object* T = make_builtin_type(in, "TaskGroup", in.types.object_);
  T->module = "asyncio.taskgroups";
  T->slots.repr = task_group_repr;
  T->slots.construct = task_group_new;
  add_method(in, T, "__aenter__", task_group_aenter);
  add_method(in, T, "__aexit__", task_group_aexit);
  add_method(in, T, "create_task", task_group_create_task);
  m.attrs.set(in.intern("TaskGroup"), value::borrow(T));
}

}  // namespace asyncrace::python
