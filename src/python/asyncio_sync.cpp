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

struct condition_object : object {
  explicit condition_object(asyncrace::lock* shared) : c(shared) {}
  value lock_ref;  // the Lock passed in (kept alive), or empty
  asyncrace::condition c;
};
struct barrier_object : object {
  explicit barrier_object(int parties) : b(parties) {}
  asyncrace::barrier b;
};

std::string event_repr(interpreter&, const value& v) { return static_cast<event_object*>(v.obj())->e.repr(v.obj()); }
std::string lock_repr(interpreter&, const value& v) { return static_cast<lock_object*>(v.obj())->l.repr(v.obj()); }
std::string semaphore_repr(interpreter&, const value& v) { return static_cast<semaphore_object*>(v.obj())->s->repr(v.obj()); }

std::string condition_repr(interpreter&, const value& v) { return static_cast<condition_object*>(v.obj())->c.repr(v.obj()); }
std::string barrier_repr(interpreter&, const value& v) { return static_cast<barrier_object*>(v.obj())->b.repr(v.obj()); }
condition_object& cnd(interpreter& in, const call_args& a) {
  return native_self<condition_object>(in, a, condition_repr, "Condition");
}
barrier_object& bar(interpreter& in, const call_args& a) { return native_self<barrier_object>(in, a, barrier_repr, "Barrier"); }

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

task<value> condition_acquire_body(value self, bool result) {
  co_await static_cast<condition_object*>(self.obj())->c.acquire();
  co_return result ? value::boolean(true) : value::none();
}
task<value> condition_wait_body(value self) {
  co_await static_cast<condition_object*>(self.obj())->c.wait();
  co_return value::boolean(true);
}
// Condition.wait_for: `result = predicate(); while not result: await self.wait(); ...`.
task<value> condition_wait_for_body(value self, value predicate) {
  interpreter& in = current_interpreter();
  value result = call(in, predicate, std::vector<value>{});
  while (!truthy(in, result)) {
    co_await static_cast<condition_object*>(self.obj())->c.wait();
    result = call(in, predicate, std::vector<value>{});
  }
  co_return result;
}

// sched's BrokenBarrierError as asyncio.BrokenBarrierError.
[[noreturn]] void raise_broken_barrier(const py_exception& e) {
  interpreter& in = current_interpreter();
  value t = getattr_or_empty(in, in.import_module("asyncio"), in.intern("BrokenBarrierError"));
  if (t.empty()) throw e;
  throw_error(in, static_cast<type_object*>(t.obj()), e.what());
}
task<value> barrier_wait_body(value self) {
  int index = 0;
  try {
    index = co_await static_cast<barrier_object*>(self.obj())->b.wait();
  } catch (const py_exception& e) {
    if (e.type() != "BrokenBarrierError") throw;
    raise_broken_barrier(e);
  }
  co_return value::integer(index);
}
task<value> barrier_reset_body(value self) {
  co_await static_cast<barrier_object*>(self.obj())->b.reset();
  co_return value::none();
}
task<value> barrier_abort_body(value self) {
  co_await static_cast<barrier_object*>(self.obj())->b.abort();
  co_return value::none();
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

value condition_new(interpreter& in, const call_args& a, object* t) {
  value p[1];
  bind_args(in, a, "Condition", 0, {"lock"}, 0, p);
  asyncrace::lock* shared = nullptr;
  if (!p[0].empty() && !p[0].is_none()) {
    if (!p[0].is_object() || p[0].obj()->type->slots.repr != lock_repr)
      throw_error(in, in.types.TypeError, "Condition() expects an asyncio.Lock, got " + type_name(p[0]));
    shared = &static_cast<lock_object*>(p[0].obj())->l;
  }
  auto* o = new condition_object(shared);
  o->type = static_cast<type_object*>(t);
  in.heap.link(o);
  if (shared) o->lock_ref = p[0];
  return value::adopt(o);
}
value condition_locked(interpreter& in, const call_args& a, object*) { return value::boolean(cnd(in, a).c.locked()); }
value condition_acquire(interpreter& in, const call_args& a, object*) {
  cnd(in, a);
  return make_native_coroutine(in, condition_acquire_body(a.args[0], true), "Lock.acquire");
}
value condition_aenter(interpreter& in, const call_args& a, object*) {
  cnd(in, a);
  return make_native_coroutine(in, condition_acquire_body(a.args[0], false), "_ContextManagerMixin.__aenter__");
}
value condition_release(interpreter& in, const call_args& a, object*) {
  cnd(in, a).c.release();
  return value::none();
}
value condition_aexit(interpreter& in, const call_args& a, object*) {
  cnd(in, a).c.release();
  return none_awaitable(in, "_ContextManagerMixin.__aexit__");
}
value condition_wait(interpreter& in, const call_args& a, object*) {
  cnd(in, a);
  return make_native_coroutine(in, condition_wait_body(a.args[0]), "Condition.wait");
}
value condition_wait_for(interpreter& in, const call_args& a, object*) {
  cnd(in, a);
  if (a.npos != 2) throw_error(in, in.types.TypeError, "Condition.wait_for() missing 1 required positional argument: 'predicate'");
  return make_native_coroutine(in, condition_wait_for_body(a.args[0], a.args[1]), "Condition.wait_for");
}
value condition_notify(interpreter& in, const call_args& a, object*) {
  condition_object& c = cnd(in, a);
  value p[1];
  bind_args(in, a, "notify", 1, {"n"}, 0, p);
  std::int64_t n = 1;
  if (!p[0].empty()) {
    if (!p[0].is_int()) throw_error(in, in.types.TypeError, "'>=' not supported between instances of 'int' and '" + type_name(p[0]) + "'");
    n = p[0].as_int();
  }
  c.c.notify(n < 0 ? 0 : static_cast<std::size_t>(n));
  return value::none();
}
value condition_notify_all(interpreter& in, const call_args& a, object*) {
  cnd(in, a).c.notify_all();
  return value::none();
}

value barrier_new(interpreter& in, const call_args& a, object* t) {
  value p[1];
  bind_args(in, a, "Barrier", 0, {"parties"}, 1, p);
  if (!p[0].is_int()) throw_error(in, in.types.TypeError, "'<' not supported between instances of '" + type_name(p[0]) + "' and 'int'");
  if (p[0].as_int() < 1) throw_error(in, in.types.ValueError, "parties must be > 0");
  auto* o = new barrier_object(static_cast<int>(p[0].as_int()));
  o->type = static_cast<type_object*>(t);
  in.heap.link(o);
  return value::adopt(o);
}
value barrier_wait(interpreter& in, const call_args& a, object*) {
  bar(in, a);
  return make_native_coroutine(in, barrier_wait_body(a.args[0]), "Barrier.wait");
}
value barrier_aenter(interpreter& in, const call_args& a, object*) {
  bar(in, a);
  return make_native_coroutine(in, barrier_wait_body(a.args[0]), "Barrier.__aenter__");
}
value barrier_aexit(interpreter& in, const call_args& a, object*) {
  bar(in, a);
  return none_awaitable(in, "Barrier.__aexit__");
}
value barrier_reset(interpreter& in, const call_args& a, object*) {
  bar(in, a);
  return make_native_coroutine(in, barrier_reset_body(a.args[0]), "Barrier.reset");
}
value barrier_abort(interpreter& in, const call_args& a, object*) {
  bar(in, a);
  return make_native_coroutine(in, barrier_abort_body(a.args[0]), "Barrier.abort");
}
value barrier_getattr(interpreter&, const value& v, str_object* name) {
  const asyncrace::barrier& b = static_cast<barrier_object*>(v.obj())->b;
  if (name->s == "parties") return value::integer(b.parties());
  if (name->s == "n_waiting") return value::integer(b.n_waiting());
  if (name->s == "broken") return value::boolean(b.broken());
  return value();
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
  type_object* C = locks_type(in, m, "Condition", condition_new, condition_repr);
  add_method(in, C, "locked", condition_locked);
  add_method(in, C, "acquire", condition_acquire);
  add_method(in, C, "release", condition_release);
  add_method(in, C, "wait", condition_wait);
  add_method(in, C, "wait_for", condition_wait_for);
  add_method(in, C, "notify", condition_notify);
  add_method(in, C, "notify_all", condition_notify_all);
  add_method(in, C, "__aenter__", condition_aenter);
  add_method(in, C, "__aexit__", condition_aexit);
  type_object* B = locks_type(in, m, "Barrier", barrier_new, barrier_repr);
  B->slots.getattr = barrier_getattr;
  add_method(in, B, "wait", barrier_wait);
  add_method(in, B, "reset", barrier_reset);
  add_method(in, B, "abort", barrier_abort);
  add_method(in, B, "__aenter__", barrier_aenter);
  add_method(in, B, "__aexit__", barrier_aexit);
  type_object* broken = make_builtin_type(in, "BrokenBarrierError", in.types.RuntimeError);
  broken->module = "asyncio.exceptions";
  m.attrs.set(in.intern("BrokenBarrierError"), value::adopt(broken));
}

}  // namespace asyncrace::python
