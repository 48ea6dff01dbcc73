// The event loop as interpreted programs see it: asyncio.get_running_loop(), get_event_loop(),
// new_event_loop() and the loop's methods (time, create_task, create_future, call_soon,
// call_later, call_at, run_until_complete, is_running, is_closed, close), each acting on the
// scheduler's running event_loop. Module code's loop.run_until_complete(coro) hands the run to the
// program's driver as asyncio.run does (without its shutdown). Also asyncio.all_tasks().
#include "args.hpp"
#include "asyncio_natives.hpp"
#include "asyncio_objects.hpp"
#include "asyncio_support.hpp"
#include "functions.hpp"
#include "limits.hpp"
#include "loop/event_loop.hpp"
#include "set.hpp"
#include "vm.hpp"

namespace asyncrace::python {

namespace {

// A loop object: the running loop it stands for (null: a loop made outside any run, which
// becomes the program's loop when it runs something).
struct loop_object : object {
  event_loop* loop = nullptr;
  bool closed = false;
};

// Module code runs with the program's loop set as current (its prints are stamped by it), so
// "the loop is running" means: not called from module code (a Task's step, a callback the loop
// runs, a done-callback). Module code is the outermost frame of the running chain.
event_loop* loop_running() {
  if (task_driver::running()) return event_loop::current();
  frame* f = running_frame();
  while (f && f->back) f = f->back;
  return f && f->co->is(code::module) ? nullptr : event_loop::current();
}

// A call_soon/call_later callback shared by the loop (until it runs or is dropped) and its Handle.
struct scheduled_call {
  interpreter* in;
  value fn, args;
  double when = 0.0;
  timer_id timer{};
  bool timed = false, cancelled = false;
  int refs = 1;
  void release() {
    if (--refs == 0) {
      in->make_current();
      delete this;
    }
  }
  static void run(void* p) {
    auto* c = static_cast<scheduled_call*>(p);
    if (!c->cancelled) {
      c->cancelled = true;  // a Handle that ran reports cancelled() False in CPython; see handle_cancelled
      c->in->make_current();
      c->in->depth = callback_frame_depth() - 1;  // the call adds the function's frame
      try {
        call(*c->in, c->fn, std::vector<value>(static_cast<tuple_object*>(c->args.obj())->items));
      } catch (const limit_reached&) {
        throw;
      } catch (...) {
        log_callback_exception(*c->in, c->fn, static_cast<tuple_object*>(c->args.obj())->items, std::current_exception());
      }
      c->cancelled = false;
    }
    c->release();
  }
  static void drop(void* p) { static_cast<scheduled_call*>(p)->release(); }
};

struct handle_object : object {
  scheduled_call* call = nullptr;
  bool cancelled = false;
  ~handle_object() override {
    if (call) call->release();
  }
};

std::string loop_repr(interpreter&, const value& v) {
  auto* l = static_cast<loop_object*>(v.obj());
  const bool running = l->loop && loop_running() == l->loop;
  return std::string("<_UnixSelectorEventLoop running=") + (running ? "True" : "False") +
         " closed=" + (l->closed ? "True" : "False") + " debug=False>";
}
std::string handle_repr(interpreter& in, const value& v) {
  auto* h = static_cast<handle_object*>(v.obj());
  std::string out = h->call->timed ? "<TimerHandle" : "<Handle";
  if (h->cancelled) return out + " cancelled>";
  if (h->call->timed) out += " when=" + repr(in, value::floating(h->call->when));
  return out + " " + repr(in, h->call->fn) + "()>";
}

loop_object& lo(interpreter& in, const call_args& a) { return native_self<loop_object>(in, a, loop_repr, "AbstractEventLoop"); }
handle_object& ho(interpreter& in, const call_args& a) { return native_self<handle_object>(in, a, handle_repr, "Handle"); }

// The loop objects live in the loop type's dict: `_running` for the loop of the current run,
// `_default` for get_event_loop()/set_event_loop() outside a run.
// Looked up each time (two dict lookups): a cache keyed by the interpreter's address outlived its
// interpreter, and the next one, allocated at the same address, read a freed type.
type_object* loop_type_of(interpreter& in) {
  value m = in.import_module("asyncio");
  return static_cast<type_object*>(getattr(in, m, in.intern("AbstractEventLoop")).obj());
}

value make_loop(interpreter& in, event_loop* loop) {
  auto* o = in.heap.make<loop_object>(loop_type_of(in));
  o->loop = loop;
  return value::adopt(o);
}

value running_loop_object(interpreter& in) {
  event_loop* loop = loop_running();
  if (!loop) throw_error(in, in.types.RuntimeError, "no running event loop");
  type_object* t = loop_type_of(in);
  str_object* key = in.intern("_running");
  if (value* v = t->dict.find(key); v && !v->empty() && static_cast<loop_object*>(v->obj())->loop == loop) return *v;
  // The program's loop made outside a run (get_event_loop) is the one now running.
  str_object* dkey = in.intern("_default");
  if (value* d = t->dict.find(dkey); d && !d->empty() && !static_cast<loop_object*>(d->obj())->loop) {
    static_cast<loop_object*>(d->obj())->loop = loop;
    t->dict.set(key, *d);
    return *d;
  }
  value l = make_loop(in, loop);
  t->dict.set(key, l);
  return l;
}

value get_running_loop(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "get_running_loop", 0);
  return running_loop_object(in);
}

value get_event_loop(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "get_event_loop", 0);
  if (loop_running()) return running_loop_object(in);
  type_object* t = loop_type_of(in);
  str_object* key = in.intern("_default");
  value* d = t->dict.find(key);
  if (d && !d->empty() && !static_cast<loop_object*>(d->obj())->closed) return *d;
  value l = make_loop(in, nullptr);
  t->dict.set(key, l);
  return l;
}

value new_event_loop(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "new_event_loop", 0);
  return make_loop(in, nullptr);
}

value set_event_loop(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "set_event_loop", 1);
  if (!a.args[0].is_none() && type_of(a.args[0])->slots.repr != loop_repr)
    throw_error(in, in.types.TypeError, "loop must be an instance of AbstractEventLoop or None, not '" + type_name(a.args[0]) + "'");
  loop_type_of(in)->dict.set(in.intern("_default"), a.args[0]);
  return value::none();
}

// The scheduler loop a method acts on: the running one (RuntimeError when it is not running).
// Module code may also schedule on the program's loop before running it (loop.create_task, then
// loop.run_until_complete), as on a CPython loop that is not running yet.
event_loop& active(interpreter& in, loop_object& l) {
  event_loop* loop = loop_running();
  if (!loop && event_loop::current() && !l.closed && (!l.loop || l.loop == event_loop::current())) loop = event_loop::current();
  if (!loop || (l.loop && l.loop != loop)) throw_error(in, in.types.RuntimeError, "no running event loop");
  return *loop;
}

value loop_time(interpreter& in, const call_args& a, object*) {
  loop_object& l = lo(in, a);
  event_loop* loop = event_loop::current();
  (void)l;
  return value::floating(loop ? loop->time() : 0.0);
}

value loop_create_task(interpreter& in, const call_args& a, object*) {
  loop_object& l = lo(in, a);
  if (l.closed) throw_error(in, in.types.RuntimeError, "Event loop is closed");
  if (a.npos < 2) throw_error(in, in.types.TypeError, "create_task() missing 1 required positional argument: 'coro'");
  active(in, l);
  return make_task(in, a.args[1], keyword_arg(a, "name"));
}

value loop_create_future(interpreter& in, const call_args& a, object*) {
  event_loop& loop = active(in, lo(in, a));
  return make_future(in, create_future<value>(loop), wait_target{});
}

bool looks_callable(interpreter& in, const value& v) {
  type_object* t = type_of(v);
  return t->slots.call || t == in.types.type_ || t == in.types.function || t == in.types.builtin_function ||
         t == in.types.method || t->lookup(in.intern("__call__"));
}

value schedule(interpreter& in, const call_args& a, std::size_t first, bool timed, double when, const char* what) {
  loop_object& l = lo(in, a);
  if (l.closed) throw_error(in, in.types.RuntimeError, "Event loop is closed");
  if (a.npos <= first) throw_error(in, in.types.TypeError, std::string(what) + "() missing 1 required positional argument: 'callback'");
  if (!looks_callable(in, a.args[first])) throw_error(in, in.types.TypeError, std::string("a callable object was expected by ") + what + "(), got " + repr(in, a.args[first]));
  event_loop& loop = active(in, l);
  auto* c = new scheduled_call{&in, a.args[first], make_tuple(in, std::vector<value>(a.args + first + 1, a.args + a.npos))};
  c->timed = timed;
  c->when = when;
  c->refs = 2;  // the loop's and the Handle's
  callback cb = callback::bind<&scheduled_call::run, &scheduled_call::drop>(c);
  if (timed) c->timer = loop.call_at(when, cb);
  else loop.call_soon(cb);
  auto* h = in.heap.make<handle_object>(static_cast<type_object*>(loop_type_of(in)->dict.find(in.intern("_Handle"))->obj()));
  h->call = c;
  return value::adopt(h);
}

value loop_call_soon(interpreter& in, const call_args& a, object*) { return schedule(in, a, 1, false, 0.0, "call_soon"); }
value loop_call_later(interpreter& in, const call_args& a, object*) {
  if (a.npos < 2) throw_error(in, in.types.TypeError, "call_later() missing 2 required positional arguments: 'delay' and 'callback'");
  event_loop& loop = active(in, lo(in, a));
  return schedule(in, a, 2, true, loop.time() + seconds_arg(in, a.args[1], "call_later()"), "call_later");
}
value loop_call_at(interpreter& in, const call_args& a, object*) {
  if (a.npos < 2) throw_error(in, in.types.TypeError, "call_at() missing 2 required positional arguments: 'when' and 'callback'");
  return schedule(in, a, 2, true, seconds_arg(in, a.args[1], "call_at()"), "call_at");
}

value handle_cancel(interpreter& in, const call_args& a, object*) {
  handle_object& h = ho(in, a);
  if (h.cancelled) return value::none();
  h.cancelled = true;
  h.call->cancelled = true;
  if (h.call->timed) {
    if (event_loop* loop = event_loop::current()) loop->cancel_timer(h.call->timer);
  }
  return value::none();
}
value handle_cancelled(interpreter& in, const call_args& a, object*) { return value::boolean(ho(in, a).cancelled); }
value handle_when(interpreter& in, const call_args& a, object*) { return value::floating(ho(in, a).call->when); }

value loop_run_until_complete(interpreter& in, const call_args& a, object*) {
  loop_object& l = lo(in, a);
  if (a.npos != 2) throw_error(in, in.types.TypeError, "run_until_complete() missing 1 required positional argument: 'future'");
  if (l.closed) throw_error(in, in.types.RuntimeError, "Event loop is closed");
  if (loop_running()) throw_error(in, in.types.RuntimeError, "This event loop is already running");
  if (!is_coroutine(a.args[1]))
    throw_error(in, in.types.TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
  loop_type_of(in)->dict.set(in.intern("_default"), a.args[0]);
  request_asyncio_run(in, a.args[1], false);
  return value();  // the VM hands the run to the program's driver
}

value loop_is_running(interpreter& in, const call_args& a, object*) {
  loop_object& l = lo(in, a);
  event_loop* loop = loop_running();
  return value::boolean(loop && (l.loop == loop || !l.loop));
}
value loop_is_closed(interpreter& in, const call_args& a, object*) { return value::boolean(lo(in, a).closed); }
value loop_close(interpreter& in, const call_args& a, object*) {
  loop_object& l = lo(in, a);
  if (loop_running() && (l.loop == loop_running()))
    throw_error(in, in.types.RuntimeError, "Cannot close a running event loop");
  l.closed = true;
  return value::none();
}

value all_tasks(interpreter& in, const call_args& a, object*) {
  event_loop* loop = loop_running();
  if (!loop) throw_error(in, in.types.RuntimeError, "no running event loop");
  (void)a;
  value s = make_set(in);
  for (task_driver* d : loop->unfinished_tasks()) set_add_item(in, s, task_object_for(in, *d));
  return s;
}

// The policy's methods are the module functions with `self` dropped.
template <native_fn F>
value policy_method(interpreter& in, const call_args& a, object* data) {
  call_args rest = a;
  ++rest.args;
  --rest.npos;
  return F(in, rest, data);
}

value get_event_loop_policy(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "get_event_loop_policy", 0);
  type_object* L = loop_type_of(in);
  str_object* key = in.intern("_policy");
  if (const value* p = L->dict.find(key)) return *p;
  type_object* P = make_builtin_type(in, "_UnixDefaultEventLoopPolicy", in.types.object_);
  P->module = "asyncio.unix_events";
  value pt = value::adopt(P);
  add_method(in, P, "get_event_loop", policy_method<get_event_loop>);
  add_method(in, P, "new_event_loop", policy_method<new_event_loop>);
  add_method(in, P, "set_event_loop", policy_method<set_event_loop>);
  auto* o = in.heap.make<instance_object>(P);
  incref(P);
  value policy = value::adopt(o);
  L->dict.set(key, policy);
  return policy;
}

}  // namespace

void add_loop_method(interpreter& in, module_object& m, std::string_view name, native_fn fn) {
  value* t = m.attrs.find(in.intern("AbstractEventLoop"));
  add_method(in, static_cast<type_object*>(t->obj()), name, fn);
}

void fill_asyncio_loop(interpreter& in, module_object& m) {
  type_object* L = make_builtin_type(in, "AbstractEventLoop", in.types.object_);
  L->module = "asyncio.events";
  L->slots.repr = loop_repr;
  m.attrs.set(in.intern("AbstractEventLoop"), value::borrow(L));
  type_object* H = make_builtin_type(in, "Handle", in.types.object_);
  H->module = "asyncio.events";
  H->slots.repr = handle_repr;
  add_method(in, H, "cancel", handle_cancel);
  add_method(in, H, "cancelled", handle_cancelled);
  add_method(in, H, "when", handle_when);
  L->dict.set(in.intern("_Handle"), value::borrow(H));
  m.attrs.set(in.intern("Handle"), value::borrow(H));
  add_method(in, L, "time", loop_time);
  add_method(in, L, "create_task", loop_create_task);
  add_method(in, L, "create_future", loop_create_future);
  add_method(in, L, "call_soon", loop_call_soon);
  add_method(in, L, "call_later", loop_call_later);
  add_method(in, L, "call_at", loop_call_at);
  add_method(in, L, "run_until_complete", loop_run_until_complete);
  add_method(in, L, "is_running", loop_is_running);
  add_method(in, L, "is_closed", loop_is_closed);
  add_method(in, L, "close", loop_close);
  // run_in_executor: added by the executors' file with add_loop_method(in, m, "run_in_executor", fn).
  auto def = [&](const char* name, native_fn fn) { m.attrs.set(in.intern(name), make_builtin(in, name, fn)); };
  def("get_running_loop", get_running_loop);
  def("get_event_loop", get_event_loop);
  def("new_event_loop", new_event_loop);
  def("set_event_loop", set_event_loop);
  def("all_tasks", all_tasks);
  def("get_event_loop_policy", get_event_loop_policy);
}

}  // namespace asyncrace::python
