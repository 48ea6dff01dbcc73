// asyncio.timeout / timeout_at (the Timeout async context manager around a block of the current
// task), wait_for and shield for interpreted programs, over the scheduler's own (sched/timeouts):
// the same timers, cancellations and waits as a C++ tutorial's.
#include <cmath>
#include <limits>
#include <memory>

#include "args.hpp"
#include "asyncio_natives.hpp"
#include "asyncio_objects.hpp"
#include "asyncio_support.hpp"
#include "loop/event_loop.hpp"
#include "asyncio/timeouts.hpp"
#include "vm.hpp"

namespace asyncrace::python {

value ensure_future_of(interpreter& in, const value& aw);  // asyncio_module.cpp

namespace {

constexpr double no_deadline = std::numeric_limits<double>::infinity();

struct timeout_object : object {
  std::unique_ptr<timeout_scope> scope;
};

std::string timeout_repr(interpreter& in, const value& v) {
  timeout_scope& s = *static_cast<timeout_object*>(v.obj())->scope;
  std::string info;
  if (s.current() == timeout_scope::state::active) {
    // when = round(self._when, 3)
    info = " when=" + (std::isinf(s.when()) ? std::string("None")
                                            : repr(in, value::floating(std::round(s.when() * 1000.0) / 1000.0)));
  }
  return std::string("<Timeout [") + timeout_scope::name(s.current()) + "]" + info + ">";
}

timeout_scope& scope_of(interpreter& in, const call_args& a) {
  return *native_self<timeout_object>(in, a, timeout_repr, "Timeout").scope;
}

double when_arg(interpreter& in, const value& v, const char* what) { return v.is_none() ? no_deadline : seconds_arg(in, v, what); }

value make_timeout(interpreter& in, double when) {
  value m = in.import_module("asyncio");
  auto* t = static_cast<type_object*>(getattr(in, m, in.intern("Timeout")).obj());
  auto* o = in.heap.make<timeout_object>(t);
  o->scope = std::make_unique<timeout_scope>(when);
  return value::adopt(o);
}

event_loop& loop_or_raise(interpreter& in) {
  event_loop* loop = event_loop::current();
  if (!loop) throw_error(in, in.types.RuntimeError, "no running event loop");
  return *loop;
}

value asyncio_timeout(interpreter& in, const call_args& a, object*) {
  value p[1];
  bind_args(in, a, "timeout", 0, {"delay"}, 1, p);
  event_loop& loop = loop_or_raise(in);
  return make_timeout(in, p[0].is_none() ? no_deadline : loop.time() + seconds_arg(in, p[0], "timeout()"));
}

value asyncio_timeout_at(interpreter& in, const call_args& a, object*) {
  value p[1];
  bind_args(in, a, "timeout_at", 0, {"when"}, 1, p);
  return make_timeout(in, when_arg(in, p[0], "timeout_at()"));
}

value timeout_construct(interpreter& in, const call_args& a, object*) {
  value p[1];
  bind_args(in, a, "Timeout", 0, {"when"}, 1, p);
  return make_timeout(in, when_arg(in, p[0], "Timeout()"));
}

task<value> give(value v) { co_return v; }

value timeout_aenter(interpreter& in, const call_args& a, object*) {
  scope_of(in, a).enter();
  return make_native_coroutine(in, give(a.args[0]), "Timeout.__aenter__");
}

value timeout_aexit(interpreter& in, const call_args& a, object*) {
  timeout_scope& s = scope_of(in, a);
  const bool cancelled = a.npos > 1 && a.args[1].is_object() && a.args[1].obj() == in.types.CancelledError;
  if (s.exit(cancelled)) {  // raise TimeoutError from exc_val
    value e = new_exception(in, in.types.TimeoutError, {});
    auto& x = *static_cast<exception_object*>(e.obj());
    if (a.npos > 2) {
      x.cause = a.args[2];
      x.context = a.args[2];
      x.suppress_context = true;
    }
    throw_exception(e);
  }
  return none_awaitable(in, "Timeout.__aexit__");
}

value timeout_when(interpreter& in, const call_args& a, object*) {
  const double w = scope_of(in, a).when();
  return std::isinf(w) ? value::none() : value::floating(w);
}
value timeout_reschedule(interpreter& in, const call_args& a, object*) {
  timeout_scope& s = scope_of(in, a);
  if (a.npos != 2) throw_error(in, in.types.TypeError, "Timeout.reschedule() missing 1 required positional argument: 'when'");
  s.reschedule(when_arg(in, a.args[1], "reschedule()"));
  return value::none();
}
value timeout_expired(interpreter& in, const call_args& a, object*) { return value::boolean(scope_of(in, a).expired()); }

// wait_for's body: ensure_future happens when it first runs, as in CPython's coroutine.
task<value> wait_for_body(value aw, double timeout) {
  interpreter& in = current_interpreter();
  value fut = ensure_future_of(in, aw);
  future_handle<value> h = as_future(fut)->f;
  value r = co_await asyncrace::wait_for(std::move(h), timeout);
  co_return r;
}

value asyncio_wait_for(interpreter& in, const call_args& a, object*) {
  value p[2];
  bind_args(in, a, "wait_for", 0, {"fut", "timeout"}, 2, p);
  const double t = p[1].is_none() ? no_deadline : seconds_arg(in, p[1], "wait_for()");
  return make_native_coroutine(in, wait_for_body(p[0], t), "wait_for");
}

value asyncio_shield(interpreter& in, const call_args& a, object*) {
  value p[1];
  bind_args(in, a, "shield", 0, {"arg"}, 1, p);
  value inner = ensure_future_of(in, p[0]);
  future_obj* fo = as_future(inner);
  if (fo->f.done()) return inner;
  return make_future(in, asyncrace::shield(fo->f), fo->why);
}

}  // namespace

void fill_asyncio_timeouts(interpreter& in, module_object& m) {
  type_object* T = make_builtin_type(in, "Timeout", in.types.object_);
  T->module = "asyncio.timeouts";
  T->slots.repr = timeout_repr;
  T->slots.construct = timeout_construct;
  add_method(in, T, "__aenter__", timeout_aenter);
  add_method(in, T, "__aexit__", timeout_aexit);
  add_method(in, T, "when", timeout_when);
  add_method(in, T, "reschedule", timeout_reschedule);
  add_method(in, T, "expired", timeout_expired);
  m.attrs.set(in.intern("Timeout"), value::borrow(T));
  auto def = [&](const char* name, native_fn fn) { m.attrs.set(in.intern(name), make_builtin(in, name, fn)); };
  def("timeout", asyncio_timeout);
  def("timeout_at", asyncio_timeout_at);
  def("wait_for", asyncio_wait_for);
  def("shield", asyncio_shield);
}

}  // namespace asyncrace::python
