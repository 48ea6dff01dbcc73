// The threading module as a program on the virtual clock sees it. Everything runs on the
// process's main thread: module code, every Task, and every job of a virtual executor (a virtual
// worker runs its job at once on the loop's thread, as the golden generator's pools do, so
// current_thread() in a job is MainThread there too). Locks are real: a blocking acquire of a
// lock nobody else can release is a deadlock, an acquire with a timeout waits it out.
#include <cstdint>
#include <cstdio>

#include "pyrt/address.hpp"
#include "args.hpp"
#include "jobs.hpp"
#include "loop/event_loop.hpp"
#include "asyncio/sleep.hpp"
#include "modules.hpp"
#include "numbers.hpp"

namespace asyncrace::python {

namespace {

// The main thread's identity (a CPython-looking pthread id; never compared with a real one).
constexpr std::int64_t main_ident = 140245113255744;
constexpr std::int64_t main_native_id = 4242;

struct thread_object : object {};

struct lock_object : object {
  bool reentrant = false;
  std::int64_t count = 0;  // acquisitions held (0 or 1 for a Lock)
};

std::string address(const value& v) { return address_text(v.obj()); }

std::string thread_repr(interpreter&, const value&) {
  return "<_MainThread(MainThread, started " + std::to_string(main_ident) + ")>";
}

std::string lock_repr(interpreter&, const value& v) {
  auto* l = static_cast<lock_object*>(v.obj());
  const char* state = l->count ? "locked" : "unlocked";
  if (!l->reentrant) return std::string("<") + state + " _thread.lock object at " + address(v) + ">";
  return std::string("<") + state + " _thread.RLock object owner=" + std::to_string(l->count ? main_ident : 0) +
         " count=" + std::to_string(l->count) + " at " + address(v) + ">";
}

value thread_value(interpreter& in) {
  value m = in.import_module("threading");
  return getattr(in, m, in.intern("_main_thread"));
}

value current_thread(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "current_thread", 0);
  return thread_value(in);
}

value get_ident(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "get_ident", 0);
  return value::integer(main_ident);
}

value get_native_id(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "get_native_id", 0);
  return value::integer(main_native_id);
}

value active_count(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "active_count", 0);
  return value::integer(1);
}

value enumerate_threads(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "enumerate", 0);
  return make_list(in, {thread_value(in)});
}

thread_object& th(interpreter& in, const call_args& a) {
  if (a.npos < 1 || !a.args[0].is_object() || a.args[0].obj()->type->slots.repr != thread_repr)
    throw_error(in, in.types.TypeError, "descriptor requires a 'Thread' object");
  return *static_cast<thread_object*>(a.args[0].obj());
}

value thread_is_alive(interpreter& in, const call_args& a, object*) {
  th(in, a);
  return value::boolean(true);
}

value thread_get_name(interpreter& in, const call_args& a, object*) {
  th(in, a);
  return make_str(in, "MainThread");
}

// Thread's read-only attributes, by name.
value thread_getattr(interpreter& in, const value&, str_object* name) {
  if (name->s == "name") return make_str(in, "MainThread");
  if (name->s == "ident") return value::integer(main_ident);
  if (name->s == "native_id") return value::integer(main_native_id);
  if (name->s == "daemon") return value::boolean(false);
  return value();
}

lock_object& lk(interpreter& in, const call_args& a) {
  if (a.npos < 1 || !a.args[0].is_object() || a.args[0].obj()->type->slots.repr != lock_repr)
    throw_error(in, in.types.TypeError, "descriptor requires a '_thread.lock' object");
  return *static_cast<lock_object*>(a.args[0].obj());
}

value lock_new(interpreter& in, const call_args& a, object* t) {
  expect_args(in, a, static_cast<type_object*>(t)->name, 0);
  return value::adopt(in.heap.make<lock_object>(static_cast<type_object*>(t)));
}

value rlock_new(interpreter& in, const call_args& a, object* t) {
  value v = lock_new(in, a, t);
  static_cast<lock_object*>(v.obj())->reentrant = true;
  return v;
}

// acquire(blocking=True, timeout=-1): only this thread exists, so a held Lock stays held: a
// blocking wait without a timeout never ends (a deadlock), with one it blocks that long and fails.
value lock_acquire(interpreter& in, const call_args& a, object*) {
  lock_object& l = lk(in, a);
  value p[2];
  bind_args(in, a, "acquire", 1, {"blocking", "timeout"}, 0, p);
  const bool blocking = p[0].empty() || truthy(in, p[0]);
  const double timeout = p[1].empty() ? -1.0 : to_double(in, p[1]);
  if (!blocking && timeout != -1.0) throw_error(in, in.types.ValueError, "can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout != -1.0) throw_error(in, in.types.ValueError, "timeout value must be a non-negative number");
  if (l.count == 0 || l.reentrant) {
    ++l.count;
    return value::boolean(true);
  }
  if (!blocking) return value::boolean(false);
  if (timeout < 0) {
    const event_loop* loop = event_loop::current();
    throw deadlock_error("deadlock at t=" + repr(in, value::floating(loop ? loop->time() : 0.0)) +
                         ": the thread waits for a threading.Lock only it could release");
  }
  if (job_context* job = running_job())
    job->sleep(timeout);
  else
    blocking_sleep(timeout);
  return value::boolean(false);
}

value lock_release(interpreter& in, const call_args& a, object*) {
  lock_object& l = lk(in, a);
  expect_args(in, a, "release", 1);
  if (l.count == 0)
    throw_error(in, in.types.RuntimeError, l.reentrant ? "cannot release un-acquired lock" : "release unlocked lock");
  --l.count;
  return value::none();
}

value lock_locked(interpreter& in, const call_args& a, object*) { return value::boolean(lk(in, a).count > 0); }

value lock_exit(interpreter& in, const call_args& a, object* f) {
  lock_release(in, call_args{a.args, 1, nullptr, 0}, f);
  return value::none();
}

void fill_threading(interpreter& in, module_object& m) {
  type_object* T = make_builtin_type(in, "_MainThread", in.types.object_);
  T->module = "threading";
  T->slots.repr = thread_repr;
  T->slots.getattr = thread_getattr;
  add_method(in, T, "is_alive", thread_is_alive);
  add_method(in, T, "getName", thread_get_name);
  m.attrs.set(in.intern("_MainThread"), value::borrow(T));
  m.attrs.set(in.intern("_main_thread"), value::adopt(in.heap.make<thread_object>(T)));

  type_object* L = make_builtin_type(in, "lock", in.types.object_);
  L->module = "_thread";
  L->slots.repr = lock_repr;
  L->slots.construct = lock_new;
  type_object* R = make_builtin_type(in, "RLock", in.types.object_);
  R->module = "_thread";
  R->slots.repr = lock_repr;
  R->slots.construct = rlock_new;
  for (type_object* t : {L, R}) {
    add_method(in, t, "acquire", lock_acquire);
    add_method(in, t, "release", lock_release);
    add_method(in, t, "__enter__", lock_acquire);
    add_method(in, t, "__exit__", lock_exit);
  }
  add_method(in, L, "locked", lock_locked);
  m.attrs.set(in.intern("Lock"), value::borrow(L));
  m.attrs.set(in.intern("RLock"), value::borrow(R));

  add_function(in, m, "current_thread", current_thread);
  add_function(in, m, "main_thread", current_thread);
  add_function(in, m, "get_ident", get_ident);
  add_function(in, m, "get_native_id", get_native_id);
  add_function(in, m, "active_count", active_count);
  add_function(in, m, "enumerate", enumerate_threads);
}

}  // namespace

void register_threading_module(interpreter& in) { in.register_module("threading", fill_threading); }

}  // namespace asyncrace::python
