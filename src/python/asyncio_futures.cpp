// asyncio.Future and asyncio.Task for interpreted programs: thin objects over the scheduler's
// futures and tasks (the same task_state a C++ tutorial's create_task makes).
#include "asyncio_objects.hpp"

#include <memory>
#include "asyncio_support.hpp"
#include "coroutine.hpp"
#include "generators.hpp"
#include "functions.hpp"
#include "interpreter.hpp"
#include "loop/event_loop.hpp"
#include "loop/future_object.hpp"
#include "pyrt/py_repr.hpp"
#include "loop/task_driver.hpp"
#include "vm.hpp"

namespace asyncrace::python {

std::string py_repr(const value& v) { return repr(current_interpreter(), v); }

future_obj::~future_obj() {
  if (task_made && !heap_tearing_down) current_interpreter().task_objects.erase(&task.state().driver);
}

void remember_task(interpreter& in, const task_driver& d, const value& task) { in.task_objects[&d] = task.obj(); }
void forget_task(interpreter& in, const task_driver& d) { in.task_objects.erase(&d); }

value task_object_for(interpreter& in, task_driver& d) {
  if (auto it = in.task_objects.find(&d); it != in.task_objects.end()) return value::borrow(it->second);
  auto& state = static_cast<task_state<value>&>(*d.self());
  auto* o = in.heap.make<future_obj>(in.types.Task);
  state.add_ref();
  o->task = task_handle<value>(ref<task_state<value>>(&state));
  o->f = future_handle<value>(o->task);
  o->task_made = true;
  o->why = wait_target{wait_kind::task, 0.0, d.id, 0};
  value v = value::adopt(o);
  remember_task(in, d, v);
  return v;
}

value keyword_arg(const call_args& a, std::string_view name) {
  for (std::size_t k = 0; k < a.nkw; ++k)
    if (a.kwnames[k]->s == name) return a.kw(k);
  return value();
}

double seconds_arg(interpreter& in, const value& v, const char* what) {
  if (v.is_int() || v.is_bool()) return static_cast<double>(v.as_int());
  if (v.is_float()) return v.as_float();
  throw_error(in, in.types.TypeError, std::string(what) + ": '" + type_name(v) + "' object cannot be interpreted as a number");
}

future_obj* as_future(const value& v) {
  if (!v.is_object()) return nullptr;
  const builtin_types& t = current_interpreter().types;
  type_object* ty = v.obj()->type;
  return ty == t.Future || ty == t.Task ? static_cast<future_obj*>(v.obj()) : nullptr;
}

namespace {

future_obj& self_future(interpreter& in, const value& v) {
  future_obj* f = as_future(v);
  if (!f) throw_error(in, in.types.TypeError, "descriptor requires a Future but received a '" + type_name(v) + "'");
  return *f;
}

event_loop& running_loop(interpreter& in) {
  event_loop* loop = event_loop::current();
  if (!loop) throw_error(in, in.types.RuntimeError, "no running event loop");
  return *loop;
}

value future_result(interpreter& in, const call_args& a, object*) {
  future_obj& f = self_future(in, a.args[0]);
  if (!f.f.done()) throw_error(in, in.types.InvalidStateError, "Result is not set.");
  try {
    return f.f.result();
  } catch (...) {
    throw_exception(to_python_exception(in, std::current_exception()));
  }
}

value future_exception(interpreter& in, const call_args& a, object*) {
  future_obj& f = self_future(in, a.args[0]);
  if (!f.f.done()) throw_error(in, in.types.InvalidStateError, "Exception is not set.");
  if (f.f.cancelled()) throw_error(in, in.types.CancelledError, "");
  std::exception_ptr e = f.f.state().retrieve_exception();
  return e ? to_python_exception(in, e) : value::none();
}

value future_done(interpreter& in, const call_args& a, object*) { return value::boolean(self_future(in, a.args[0]).f.done()); }
value future_cancelled(interpreter& in, const call_args& a, object*) {
  return value::boolean(self_future(in, a.args[0]).f.cancelled());
}
value future_cancel(interpreter& in, const call_args& a, object*) { return value::boolean(self_future(in, a.args[0]).f.cancel()); }

value future_set_result(interpreter& in, const call_args& a, object*) {
  future_obj& f = self_future(in, a.args[0]);
  if (a.npos != 2) throw_error(in, in.types.TypeError, "set_result() takes exactly one argument");
  if (f.f.done()) throw_error(in, in.types.InvalidStateError, "invalid state");
  f.f.state().set_result(a.args[1]);
  return value::none();
}

value future_set_exception(interpreter& in, const call_args& a, object*) {
  future_obj& f = self_future(in, a.args[0]);
  if (f.f.done()) throw_error(in, in.types.InvalidStateError, "invalid state");
  value exc = a.args[1];
  if (isinstance(exc, in.types.type_)) exc = call(in, exc, std::vector<value>{});
  if (isinstance(exc, in.types.StopIteration))
    throw_error(in, in.types.TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future");
  try {
    throw_exception(exc);
  } catch (...) {
    f.f.state().set_exception(std::current_exception());
  }
  return value::none();
}

// A Python callable run by the loop as a done-callback: fn(future).
struct done_callback {
  interpreter* in;
  value fn, future;
  static void run(void* p) {
    std::unique_ptr<done_callback> cb(static_cast<done_callback*>(p));  // runs once, then is gone
    cb->in->make_current();
    cb->in->depth = callback_frame_depth() - 1;  // the call adds the function's frame
    try {
      call(*cb->in, cb->fn, {cb->future});
    } catch (const limit_reached&) {
      throw;
    } catch (...) {
      log_callback_exception(*cb->in, cb->fn, {cb->future}, std::current_exception());
    }
  }
  static void drop(void* p) { delete static_cast<done_callback*>(p); }
};

value future_add_done_callback(interpreter& in, const call_args& a, object*) {
  future_obj& f = self_future(in, a.args[0]);
  auto* cb = new done_callback{&in, a.args[1], a.args[0]};
  f.f.state().add_done_callback(callback::bind<&done_callback::run, &done_callback::drop>(cb));
  return value::none();
}

std::string future_repr_slot(interpreter& in, const value& v) {
  auto* f = static_cast<future_obj*>(v.obj());
  std::string out = f->is_task() ? f->task.repr() : f->f.state().repr();
  // " exception=KeyError('x')": the exception's Python repr (the scheduler's knows only its text).
  if (f->f.done() && !f->f.cancelled()) {
    if (std::exception_ptr e = f->f.state().exception()) {
      const std::string sched = " exception=" + exception_repr(e);
      if (auto at = out.find(sched); at != std::string::npos)
        out.replace(at, sched.size(), " exception=" + repr(in, to_python_exception(in, e)));
    }
  }
  if (f->is_task()) return out;
  // "<Future finished result='delivered'>": the result (reprlib-shortened) before the callbacks.
  if (type_of(v) == in.types.Future && f->f.done() && !f->f.cancelled() && !f->f.state().exception()) {
    const std::string word = "<Future finished";
    if (out.compare(0, word.size(), word) == 0)
      out.insert(word.size(), " result=" + reprlib_repr(repr(in, f->f.result())));
  }
  return out;
}

value task_get_name(interpreter& in, const call_args& a, object*) {
  future_obj& f = self_future(in, a.args[0]);
  if (!f.is_task()) throw_error(in, in.types.AttributeError, "'Future' object has no attribute 'get_name'");
  return make_str(in, f.task.name());
}

value task_set_name(interpreter& in, const call_args& a, object*) {
  future_obj& f = self_future(in, a.args[0]);
  if (!f.is_task()) throw_error(in, in.types.AttributeError, "'Future' object has no attribute 'set_name'");
  f.task.state().driver.set_name(str(in, a.args[1]));
  return value::none();
}

value task_cancelling(interpreter& in, const call_args& a, object*) {
  return value::integer(self_future(in, a.args[0]).task.cancelling());
}
value task_uncancel(interpreter& in, const call_args& a, object*) {
  return value::integer(self_future(in, a.args[0]).task.uncancel());
}

value future_construct(interpreter& in, const call_args&, object*) {
  event_loop& loop = running_loop(in);
  return make_future(in, create_future<value>(loop), wait_target{});
}

}  // namespace

task<value> task_coroutine(interpreter& in, const value& coro) {
  // A Task outlives its coroutine object (its repr in "Task exception was never retrieved", in
  // all_tasks()): take_coroutine names the body by an interned name or a literal, which lasts.
  return take_coroutine(in, coro);
}

value make_future(interpreter& in, future_handle<value> f, wait_target why) {
  auto* o = in.heap.make<future_obj>(in.types.Future);
  o->f = std::move(f);
  o->why = why;
  return value::adopt(o);
}

void count_new_task(interpreter& in) {
  if (++in.tasks_created > in.limits.max_tasks)
    throw limit_reached("the program created more than " + std::to_string(in.limits.max_tasks) +
                        " tasks (the task limit; raise it with --max-tasks)");
}

value make_task(interpreter& in, const value& coro, const value& name) {
  event_loop& loop = running_loop(in);
  if (!is_coroutine(coro)) throw_error(in, in.types.TypeError, "a coroutine was expected, got " + repr(in, coro));
  count_new_task(in);
  value t = make_task_object(in, create_task(loop, task_coroutine(in, coro)), name);
  static_cast<future_obj*>(t.obj())->coro = coro;
  return t;
}

value make_task_object(interpreter& in, task_handle<value> h, const value& name) {
  auto* o = in.heap.make<future_obj>(in.types.Task);
  o->f = future_handle<value>(h);
  o->task = h;
  o->task_made = true;
  o->why = wait_target{wait_kind::task, 0.0, h.id(), 0};
  if (!name.empty() && !name.is_none()) h.state().driver.set_name(str(in, name));
  value v = value::adopt(o);
  remember_task(in, h.state().driver, v);
  return v;
}

void install_futures(interpreter& in) {
  type_object* F = in.types.Future = make_builtin_type(in, "Future", in.types.object_);
  F->module = "asyncio";
  F->slots.repr = future_repr_slot;
  F->slots.construct = future_construct;
  add_method(in, F, "result", future_result);
  add_method(in, F, "exception", future_exception);
  add_method(in, F, "done", future_done);
  add_method(in, F, "cancelled", future_cancelled);
  add_method(in, F, "cancel", future_cancel);
  add_method(in, F, "set_result", future_set_result);
  add_method(in, F, "set_exception", future_set_exception);
  add_method(in, F, "add_done_callback", future_add_done_callback);
  add_method(in, F, "__await__", [](interpreter& i, const call_args& a, object*) { return make_await_iterator(i, a.args[0]); });
  add_method(in, F, "__iter__", [](interpreter& i, const call_args& a, object*) { return make_await_iterator(i, a.args[0]); });
  type_object* T = in.types.Task = make_builtin_type(in, "Task", F);
  T->module = "asyncio";
  T->slots.construct = [](interpreter& i, const call_args& a, object*) -> value {
    if (a.npos < 1) throw_error(i, i.types.TypeError, "Task() missing required argument 'coro'");
    return make_task(i, a.args[0], value());
  };
  add_method(in, T, "get_name", task_get_name);
  add_method(in, T, "set_name", task_set_name);
  add_method(in, T, "cancelling", task_cancelling);
  add_method(in, T, "get_coro", [](interpreter& i, const call_args& a, object*) -> value {
    future_obj& f = self_future(i, a.args[0]);
    return f.coro.empty() ? value::none() : f.coro;
  });
  add_method(in, T, "uncancel", task_uncancel);
}

}  // namespace asyncrace::python
