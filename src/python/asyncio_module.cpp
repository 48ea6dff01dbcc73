// The asyncio module of interpreted programs: the scheduler's vocabulary (the same event loop,
// Tasks, sleeps and gathers the C++ tutorials use) with CPython 3.11's signatures and errors.
#include <unordered_map>

#include "asyncio_natives.hpp"
#include "asyncio_objects.hpp"
#include "asyncio_support.hpp"
#include "coroutine.hpp"
#include "functions.hpp"
#include "interpreter.hpp"
#include "loop/event_loop.hpp"
#include "asyncio/gather_state.hpp"
#include "asyncio/sleep.hpp"
#include "vm.hpp"

namespace asyncrace::python {

value ensure_future_of(interpreter& in, const value& aw);

namespace {

task<value> sleep_body(double delay, value result) {
  co_await asyncrace::sleep(delay);
  co_return result;
}

value asyncio_sleep(interpreter& in, const call_args& a, object*) {
  if (a.npos < 1) throw_error(in, in.types.TypeError, "sleep() missing 1 required positional argument: 'delay'");
  const double d = seconds_arg(in, a.args[0], "sleep()");
  value result = a.npos > 1 ? a.args[1] : keyword_arg(a, "result");
  return make_native_coroutine(in, sleep_body(d, result.empty() ? value::none() : result), "sleep");
}

value asyncio_run(interpreter& in, const call_args& a, object*) {
  if (a.npos < 1) throw_error(in, in.types.TypeError, "run() missing 1 required positional argument: 'main'");
  request_asyncio_run(in, a.args[0], true);
  return value();  // the VM hands the run to the program's driver
}

value asyncio_create_task(interpreter& in, const call_args& a, object*) {
  if (a.npos < 1) throw_error(in, in.types.TypeError, "create_task() missing 1 required positional argument: 'coro'");
  return make_task(in, a.args[0], keyword_arg(a, "name"));
}


value asyncio_ensure_future(interpreter& in, const call_args& a, object*) { return ensure_future_of(in, a.args[0]); }

// _GatheringFuture's result: one value per child (or, with return_exceptions, its exception).
template <bool ReturnExceptions>
value collect_gather(const gather_futures& children) {
  interpreter& in = current_interpreter();
  std::vector<value> out;
  out.reserve(children.size());
  for (future_core* c : children) {
    if (ReturnExceptions && c->cancelled()) out.push_back(new_exception(in, in.types.CancelledError, {}));
    else if (ReturnExceptions && c->exception()) out.push_back(to_python_exception(in, c->exception()));
    else out.push_back(static_cast<future_state<value>*>(c)->result());
  }
  return make_list(in, std::move(out));
}

value asyncio_gather(interpreter& in, const call_args& a, object*) {
  event_loop* loop = event_loop::current();
  if (!loop) throw_error(in, in.types.RuntimeError, "no running event loop");
  value re = keyword_arg(a, "return_exceptions");
  const bool return_exceptions = !re.empty() && truthy(in, re);
  gather_args children;  // one per argument; make_gather finds the repeats
  std::vector<value> keep;  // the futures, alive while the gather is made
  children.reserve(a.npos);
  keep.reserve(a.npos);
  // The future made for a coroutine or awaitable argument: passed again, it is the same one
  // (CPython's arg_to_fut, for what is not a future already).
  std::unordered_map<const object*, value> made;
  for (std::size_t i = 0; i < a.npos; ++i) {
    const value& arg = a.args[i];
    value f;
    if (as_future(arg)) {
      f = arg;
    } else if (auto it = arg.is_object() ? made.find(arg.obj()) : made.end(); it != made.end()) {
      f = it->second;
    } else {
      f = ensure_future_of(in, arg);
      if (arg.is_object()) made.emplace(arg.obj(), f);
    }
    future_obj* fo = as_future(f);
    children.push_back({&fo->f.state(), fo->is_task() ? fo->task.id() : no_task});
    keep.push_back(std::move(f));
  }
  // Only now: an argument that is not awaitable raises above (the Tasks made before it run on,
  // as in CPython) and must leave no reference behind.
  ref<gather_state<value>> g = make_gather<value>(*loop, children,
                                                  return_exceptions ? &collect_gather<true> : &collect_gather<false>,
                                                  return_exceptions);
  const wait_target why = g->waited_as();
  return make_future(in, future_handle<value>{future_handle<value>::ref_to(*g)}, why);
}

value asyncio_current_task(interpreter& in, const call_args&, object*) {
  task_driver* d = task_driver::running();
  if (!d) {
    if (!event_loop::current()) throw_error(in, in.types.RuntimeError, "no running event loop");
    return value::none();
  }
  return task_object_for(in, *d);
}

value asyncio_iscoroutine(interpreter&, const call_args& a, object*) { return value::boolean(is_coroutine(a.args[0])); }

value asyncio_iscoroutinefunction(interpreter& in, const call_args& a, object*) {
  value f = a.args[0];
  if (f.is_object() && f.obj()->type == in.types.method) f = static_cast<method_object*>(f.obj())->func;
  return value::boolean(f.is_object() && f.obj()->type == in.types.function &&
                        static_cast<function_object*>(f.obj())->co->is(code::coroutine));
}

}  // namespace

value ensure_future_of(interpreter& in, const value& aw) {
  if (as_future(aw)) return aw;
  if (is_coroutine(aw)) return make_task(in, aw, value());
  if (value coro = wrap_awaitable(in, aw); !coro.empty()) return make_task(in, coro, value());
  throw_error(in, in.types.TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
}

void fill_asyncio_module(interpreter& in, module_object& m) {
  auto def = [&](const char* name, native_fn fn) { m.attrs.set(in.intern(name), make_builtin(in, std::string("asyncio.") + name, fn)); };
  def("run", asyncio_run);
  def("sleep", asyncio_sleep);
  def("create_task", asyncio_create_task);
  def("ensure_future", asyncio_ensure_future);
  def("gather", asyncio_gather);
  def("current_task", asyncio_current_task);
  def("iscoroutine", asyncio_iscoroutine);
  def("iscoroutinefunction", asyncio_iscoroutinefunction);
  m.attrs.set(in.intern("Future"), value::borrow(in.types.Future));
  m.attrs.set(in.intern("Task"), value::borrow(in.types.Task));
  m.attrs.set(in.intern("CancelledError"), value::borrow(in.types.CancelledError));
  m.attrs.set(in.intern("TimeoutError"), value::borrow(in.types.TimeoutError));
  m.attrs.set(in.intern("InvalidStateError"), value::borrow(in.types.InvalidStateError));
  m.attrs.set(in.intern("QueueEmpty"), value::borrow(in.types.QueueEmpty));
  m.attrs.set(in.intern("QueueFull"), value::borrow(in.types.QueueFull));
  fill_asyncio_sync(in, m);
  fill_asyncio_queues(in, m);
  fill_asyncio_loop(in, m);
  fill_asyncio_timeouts(in, m);
  fill_asyncio_taskgroup(in, m);
  fill_asyncio_wait(in, m);
  fill_asyncio_subprocess(in, m);
  fill_asyncio_executors(in, m);
}

void install_asyncio(interpreter& in) {
  install_futures(in);
  in.register_module("asyncio", [](interpreter& i, module_object& m) { fill_asyncio_module(i, m); });
}

}  // namespace asyncrace::python
