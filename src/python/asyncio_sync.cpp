// asyncio.Event, Lock, Semaphore and BoundedSemaphore for interpreted programs: Python objects
// around the scheduler's own primitives (sched/locks.hpp), so a program's waits are the same
// futures, in the same lines, as a C++ tutorial's; `async with lock:` acquires and releases.
#include "args.hpp"
#include "asyncio_natives.hpp"
#include "asyncio_support.hpp"
#include "asyncio/locks.hpp"

namespace asyncrace::python {

namespace {

struct event_object : object {
  asyncrace::event e;
};
struct lock_object : object {
  asyncrace::lock l;
};
struct semaphore_object : object {
  explicit semaphore_object(int value, bool bounded)
      : s(bounded ? std::make_unique<asyncrace::bounded_semaphore>(value) : std::make_unique<asyncrace::semaphore>(value)) {}
  std::unique_ptr<asyncrace::semaphore> s;
};

std::string event_repr(interpreter&, const value& v) { return static_cast<event_object*>(v.obj())->e.repr(); }
std::string lock_repr(interpreter&, const value& v) { return static_cast<lock_object*>(v.obj())->l.repr(); }
std::string semaphore_repr(interpreter&, const value& v) { return static_cast<semaphore_object*>(v.obj())->s->repr(); }

event_object& ev(interpreter& in, const call_args& a) { return native_self<event_object>(in, a, event_repr, "Event"); }
lock_object& lk(interpreter& in, const call_args& a) { return native_self<lock_object>(in, a, lock_repr, "Lock"); }
semaphore_object& sem(interpreter& in, const call_args& a) {
  return native_self<semaphore_object>(in, a, semaphore_repr, "Semaphore");
}

// The awaitable bodies hold `self`, so the primitive outlives every wait on it.
task<value> event_wait_body(value self) {
  const bool r = co_await static_cast<event_object*>(self.obj())->e.wait();
  co_return value::boolean(r);
}
task<value> lock_acquire_body(value self, bool result) {
  co_await static_cast<lock_object*>(self.obj())->l.acquire();
  co_return result ? value::boolean(true) : value::none();
}
task<value> semaphore_acquire_body(value self, bool result) {
  co_await static_cast<semaphore_object*>(self.obj())->s->acquire();
  co_return result ? value::boolean(true) : value::none();
}

value event_new(interpreter& in, const call_args& a, object* t) {
  expect_args(in, a, "Event", 0);
  return value::adopt(in.heap.make<event_object>(static_cast<type_object*>(t)));
}
value event_is_set(interpreter& in, const call_args& a, object*) { return value::boolean(ev(in, a).e.is_set()); }
value event_set(interpreter& in, const call_args& a, object*) {
  ev(in, a).e.set();
  return value::none();
}
value event_clear(interpreter& in, const call_args& a, object*) {
  ev(in, a).e.clear();
  return value::none();
}
value event_wait(interpreter& in, const call_args& a, object*) {
  ev(in, a);
  return make_native_coroutine(in, event_wait_body(a.args[0]), "Event.wait");
}

value lock_new(interpreter& in, const call_args& a, object* t) {
  expect_args(in, a, "Lock", 0);
  return value::adopt(in.heap.make<lock_object>(static_cast<type_object*>(t)));
}
value lock_locked(interpreter& in, const call_args& a, object*) { return value::boolean(lk(in, a).l.locked()); }
value lock_acquire(interpreter& in, const call_args& a, object*) {
  lk(in, a);
  return make_native_coroutine(in, lock_acquire_body(a.args[0], true), "Lock.acquire");
}
value lock_aenter(interpreter& in, const call_args& a, object*) {
  lk(in, a);
  return make_native_coroutine(in, lock_acquire_body(a.args[0], false), "_ContextManagerMixin.__aenter__");
}
value lock_release(interpreter& in, const call_args& a, object*) {
  lk(in, a).l.release();
  return value::none();
}
value lock_aexit(interpreter& in, const call_args& a, object*) {
  lk(in, a).l.release();
  return none_awaitable(in, "_ContextManagerMixin.__aexit__");
}

value semaphore_construct(interpreter& in, const call_args& a, object* t, bool bounded, const char* name) {
  value p[1];
  bind_args(in, a, name, 0, {"value"}, 0, p);
  std::int64_t n = 1;
  if (!p[0].empty()) {
    if (!p[0].is_int() && !p[0].is_bool())
      throw_error(in, in.types.TypeError, "'<' not supported between instances of '" + type_name(p[0]) + "' and 'int'");
    n = p[0].as_int();
  }
  if (n < 0) throw_error(in, in.types.ValueError, "Semaphore initial value must be >= 0");
  auto* o = new semaphore_object(static_cast<int>(n), bounded);
  o->type = static_cast<type_object*>(t);
  in.heap.link(o);
  return value::adopt(o);
}
value semaphore_new(interpreter& in, const call_args& a, object* t) { return semaphore_construct(in, a, t, false, "Semaphore"); }
value bounded_new(interpreter& in, const call_args& a, object* t) {
  return semaphore_construct(in, a, t, true, "BoundedSemaphore");
}
value semaphore_locked(interpreter& in, const call_args& a, object*) { return value::boolean(sem(in, a).s->locked()); }
value semaphore_acquire(interpreter& in, const call_args& a, object*) {
  sem(in, a);
  return make_native_coroutine(in, semaphore_acquire_body(a.args[0], true), "Semaphore.acquire");
}
value semaphore_aenter(interpreter& in, const call_args& a, object*) {
  sem(in, a);
  return make_native_coroutine(in, semaphore_acquire_body(a.args[0], false), "_ContextManagerMixin.__aenter__");
}
value semaphore_release(interpreter& in, const call_args& a, object*) {
  sem(in, a).s->release();
  return value::none();
}
value semaphore_aexit(interpreter& in, const call_args& a, object*) {
  sem(in, a).s->release();
  return none_awaitable(in, "_ContextManagerMixin.__aexit__");
}

type_object* locks_type(interpreter& in, module_object& m, const char* name, native_fn construct,
                        std::string (*repr)(interpreter&, const value&), type_object* base = nullptr) {
  type_object* t = make_builtin_type(in, name, base ? base : in.types.object_);
  t->module = "asyncio.locks";
  t->slots.construct = construct;
  t->slots.repr = repr;
  m.attrs.set(in.intern(name), value::borrow(t));
  return t;
}

}  // namespace

value none_awaitable(interpreter& in, std::string name) { return make_native_coroutine(in, task_returning_none(), std::move(name)); }

std::exception_ptr as_exception_ptr(const value& exc) {
  try {
    throw_exception(exc);
  } catch (...) {
    return std::current_exception();
  }
}

void fill_asyncio_sync(interpreter& in, module_object& m) {
  type_object* E = locks_type(in, m, "Event", event_new, event_repr);
  add_method(in, E, "is_set", event_is_set);
  add_method(in, E, "set", event_set);
  add_method(in, E, "clear", event_clear);
  add_method(in, E, "wait", event_wait);
  type_object* L = locks_type(in, m, "Lock", lock_new, lock_repr);
  add_method(in, L, "locked", lock_locked);
  add_method(in, L, "acquire", lock_acquire);
  add_method(in, L, "release", lock_release);
  add_method(in, L, "__aenter__", lock_aenter);
  add_method(in, L, "__aexit__", lock_aexit);
  type_object* S = locks_type(in, m, "Semaphore", semaphore_new, semaphore_repr);
  add_method(in, S, "locked", semaphore_locked);
  add_method(in, S, "acquire", semaphore_acquire);
  add_method(in, S, "release", semaphore_release);
  add_method(in, S, "__aenter__", semaphore_aenter);
  add_method(in, S, "__aexit__", semaphore_aexit);
  locks_type(in, m, "BoundedSemaphore", bounded_new, semaphore_repr, S);
}

}  // namespace asyncrace::python
