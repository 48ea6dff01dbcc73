#include "coroutine.hpp"

#include "asyncio_objects.hpp"
#include "asyncio_support.hpp"
#include "functions.hpp"
#include "generators.hpp"
#include "interpreter.hpp"
#include "slices.hpp"
#include "loop/event_loop.hpp"
#include "loop/task_driver.hpp"
#include "asyncio/sleep.hpp"
#include "vm.hpp"

namespace asyncrace::python {

namespace {

using resumed = caught_outcome<value>;

// Sets the awaiting coroutine's current Python line as it suspends, so a Task's repr says
// "running at prog.py:N" as CPython does (the interpreted program's python_source maps a line to
// itself). What the awaited raised comes back in the outcome (see caught, coroutine.hpp).
template <class A>
struct at_line {
  caught<A> inner;
  unsigned line;
  bool await_ready() { return inner.await_ready(); }
  template <class P>
  auto await_suspend(coro::coroutine_handle<P> h) {
    h.promise().set_await_line(line);
    h.promise().python_frame = true;  // a Python line, for the Task's await chain
    return inner.await_suspend(h);
  }
  resumed await_resume() noexcept { return inner.await_resume(); }
};
coroutine_object* as_coroutine(const value& v) {
  return v.is_object() && v.obj()->type == current_interpreter().types.coroutine ? static_cast<coroutine_object*>(v.obj())
                                                                                  : nullptr;
}

// `await x` where x has __await__ (a custom awaitable): drives the iterator it returns, as
// Task.__step does: a bare `yield` gives the loop one iteration; a yielded Future, Task or
// coroutine is awaited and its result sent back in.
task<value> await_protocol(value iter) {
  interpreter& in = current_interpreter();
  value sent = value::none();
  for (;;) {
    value y = yield_from_step(in, iter, sent);
    if (y.empty()) co_return take_stop_value(in);
    if (y.is_none()) {
      co_await asyncrace::sleep(0);
      sent = value::none();
    } else if (as_coroutine(y)) {
      task<value> child = take_coroutine(in, y);
      sent = co_await std::move(child);
    } else if (future_obj* fu = as_future(y)) {
      future_handle<value> h = fu->f;  // keeps the future alive while awaited
      sent = co_await future_awaiter<value>{&h.state(), fu->why};
    } else {
      throw_error(in, in.types.RuntimeError, "Task got bad yield: " + repr(in, y));
    }
  }
}

value awaitable_iterator(interpreter& in, const value& aw) {
  const value* m = type_of(aw)->lookup(in.intern("__await__"));
  if (!m) throw_error(in, in.types.TypeError, "object " + type_name(aw) + " can't be used in 'await' expression");
  value it = call(in, *m, {aw});
  if (as_coroutine(it) || !type_of(it)->slots.next)
    throw_error(in, in.types.TypeError, "__await__() returned non-iterator of type '" + type_name(it) + "'");
  return it;
}

enum class frame_mode : std::uint8_t { coroutine, asyncgen_step };

// What `await x` will wait on: a coroutine (or a custom awaitable's driver) as a child task, a
// Future, or the error that x cannot be awaited. Made in a plain function: drive_frame keeps no
// try block (see caught, coroutine.hpp).
struct pending_await {
  task<value> child;
  future_handle<value> future;
  wait_target why;
  std::exception_ptr error;
};

pending_await prepare_await(interpreter& in, value aw) {
  pending_await p;
  p.error = call_caught([&] {
    if (as_coroutine(aw)) {
      p.child = take_coroutine(in, aw);
    } else if (future_obj* fu = as_future(aw)) {
      p.future = fu->f;
      p.why = fu->why;
    } else {
      p.child = await_protocol(awaitable_iterator(in, aw));
    }
  });
  return p;
}

// The Task pauses mid-step at the end of a slice (task_driver::pause_step). Its Python line is
// where it stopped, so a repr or a chain read meanwhile says where it runs.
struct slice_pause {
  unsigned line;
  bool await_ready() const noexcept { return false; }
  template <class P>
  void await_suspend(coro::coroutine_handle<P> h) const {
    h.promise().set_await_line(line);
    h.promise().python_frame = true;
    task_driver::running()->pause_step();
  }
  void await_resume() const noexcept {}
};

// One run of a coroutine's frame, which may stop at the end of the page's slice (slices.hpp):
// from its start or where it stopped (`from_ip`), or with a value or an exception sent in.
exec_result run_coroutine_frame(interpreter& in, frame& f, bool from_ip, value send, value exc) {
  preemptible_scope scope(in, f);
  if (from_ip) return run_frame(in, f);
  return exc.empty() ? resume_frame(in, f, std::move(send)) : throw_into_frame(in, f, std::move(exc));
}

// A coroutine's frame counts against the recursion limit as in CPython, where the frames of the
// coroutines awaiting it are on the stack below it while it runs (each `await` of a coroutine
// runs it inside the awaiting frame): one more than its awaiter (its `back`, set when awaited),
// the first under a Task's step.
std::uint32_t coroutine_depth(const frame& f) {
  std::uint32_t depth = task_frame_depth();
  for (const frame* h = f.back; h; h = h->back) ++depth;
  return depth;
}

// Runs a coroutine's (or an async generator's) frame: every await it makes is co_awaited here.
task<value> drive_frame(value owner, frame* f, value first, bool fresh, frame_mode mode) {
  interpreter& in = current_interpreter();
  const std::uint32_t depth = coroutine_depth(*f);
  if (depth > in.limits.max_recursion) throw_error(in, in.types.RecursionError, "maximum recursion depth exceeded");
  std::uint32_t resume_depth = depth;
  value send = std::move(first), exc;
  for (;;) {
    in.depth = resume_depth;
    exec_result r = run_coroutine_frame(in, *f, fresh, std::move(send), std::move(exc));
    resume_depth = depth;
    fresh = false;
    exc = value();
    if (r.status == exec_status::preempted) {
      // The slice ran out mid-step: the Task pauses, and its step goes on here next slice (with
      // the frames it had called still on its stack).
      resume_depth = in.depth;
      co_await slice_pause{f->line()};
      fresh = true;
      continue;
    }
    if (r.status == exec_status::returned) {
      if (mode == frame_mode::asyncgen_step) {
        mark_asyncgen_finished(owner);
        throw_error(in, in.types.StopAsyncIteration, "");
      }
      // CPython clears a coroutine's frame as it returns: what only its locals held dies now (a
      // failed Task they held logs "Task exception was never retrieved" in this step).
      for (std::uint32_t i = 0; i < f->stack_base; ++i) f->fast[i] = value();
      co_return std::move(r.v);
    }
    if (r.status == exec_status::yielded) {
      if (mode == frame_mode::asyncgen_step) co_return std::move(r.v);
      throw_error(in, in.types.RuntimeError, "a coroutine yielded a value");  // compile-time impossible
    }
    if (r.status == exec_status::run_request)
      throw_error(in, in.types.RuntimeError, "asyncio.run() cannot be called from a running event loop");
    const unsigned line = f->line();
    // An awaited coroutine runs on top of this frame (CPython's frame chain and exc_info stack):
    // what it raises while this frame handles an exception gets that one as its __context__.
    if (coroutine_object* c = as_coroutine(r.v); c && !c->started && !c->frame_v.empty())
      static_cast<frame*>(c->frame_v.obj())->back = f;
    pending_await next = prepare_await(in, std::move(r.v));
    resumed got;
    if (next.error) {
      got.error = std::move(next.error);
    } else if (next.future.valid()) {
      // What the trace says it waits for: the future's own `why` (a Task, a gather of N, ...), as
      // the C++ twins' awaits say it. `next.future` keeps the future alive while awaited.
      got = co_await at_line<future_awaiter<value>>{{future_awaiter<value>{&next.future.state(), next.why}}, line};
    } else {
      using child_awaiter = decltype(std::move(next.child).operator co_await());
      got = co_await at_line<child_awaiter>{{std::move(next.child).operator co_await()}, line};
    }
    if (got.error) exc = to_python_exception(in, std::move(got.error));
    else send = std::move(got.v);
  }
}

// An exhausted async generator's __anext__: StopAsyncIteration when awaited.
task<value> raise_stop_async_iteration() {
  interpreter& in = current_interpreter();
  throw_error(in, in.types.StopAsyncIteration, "");
  co_return value();
}

// `await aw` from C++: a coroutine inline, a Future/Task, or anything with __await__.
task<value> await_any(value aw) {
  interpreter& in = current_interpreter();
  if (as_coroutine(aw)) {
    task<value> child = take_coroutine(in, aw);
    co_return co_await std::move(child);
  }
  if (future_obj* fu = as_future(aw)) {
    future_handle<value> h = fu->f;
    co_return co_await h;
  }
  task<value> child = await_protocol(awaitable_iterator(in, aw));
  co_return co_await std::move(child);
}

// anext(it, default): the next item, or `default` once the iterator raises StopAsyncIteration.
task<value> anext_default_body(value aw, value fallback) {
  interpreter& in = current_interpreter();
  bool exhausted = false;
  value r;
  try {
    r = co_await await_any(std::move(aw));
  } catch (const raised& e) {
    if (!isinstance(e.exception(), in.types.StopAsyncIteration)) throw;
    exhausted = true;
  }
  co_return exhausted ? fallback : r;
}

}  // namespace

value anext_awaitable(interpreter& in, const value& it, const value& fallback) {
  type_object* t = type_of(it);
  if (t != in.types.async_generator && !t->lookup(in.intern("__anext__")))
    throw_error(in, in.types.TypeError, "'" + t->name + "' object is not an async iterator");
  value aw = get_anext_awaitable(in, it);
  if (fallback.empty()) return aw;
  return make_native_coroutine(in, anext_default_body(std::move(aw), fallback), "anext");
}

coroutine_object::~coroutine_object() {
  if (started) return;
  detail::coroutine_dropped_at(running_line());
  if (!frame_v.empty()) detail::coroutine_never_awaited(qualname.c_str());
  // A native body warns itself as it is destroyed (task<T>::reset), under the same name.
}

task<value> take_coroutine(interpreter& in, const value& coro) {
  auto* c = static_cast<coroutine_object*>(coro.obj());
  if (c->started) throw_error(in, in.types.RuntimeError, "cannot reuse already awaited coroutine");
  c->started = true;
  if (c->frame_v.empty()) {
    task<value> t = std::move(c->native);
    t.handle().promise().started = true;
    return t;
  }
  auto* f = static_cast<frame*>(c->frame_v.obj());
  task<value> t = drive_frame(coro, f, value(), true, frame_mode::coroutine);
  // By its interned name: the table of coroutine names (loop/coro_names.hpp) numbers each address
  // once and keeps it, so a name must be one per text, not each object's own string.
  t.handle().promise().set_name(in.intern(c->qualname)->s.c_str());
  return t;
}

value make_native_coroutine(interpreter& in, task<value> body, std::string name) {
  // The name outlives this object: a Task made of the body (create_task(asyncio.sleep(1)))
  // names itself by it after the coroutine object is gone. Interned names live as long as the
  // interpreter.
  const char* lasting = in.intern(name)->s.c_str();
  return make_native_coroutine_named(in, std::move(body), lasting);
}

value make_native_coroutine_named(interpreter& in, task<value> body, const char* lasting) {
  auto* c = in.heap.make<coroutine_object>(in.types.coroutine);
  c->name = lasting;
  c->qualname = lasting;
  c->native = std::move(body);
  c->native.handle().promise().set_name(lasting);
  return value::adopt(c);
}

value make_python_coroutine(interpreter& in, value frame_v) {
  auto* c = in.heap.make<coroutine_object>(in.types.coroutine);
  auto* f = static_cast<frame*>(frame_v.obj());
  c->name = f->co->name;
  c->qualname = f->co->qualname;
  c->frame_v = std::move(frame_v);
  return value::adopt(c);
}

bool is_coroutine(const value& v) { return as_coroutine(v) != nullptr; }

task<value> task_returning_none() { co_return value::none(); }

namespace {
task<value> wrap_awaitable_body(value aw) {
  interpreter& in = current_interpreter();
  co_return co_await await_protocol(awaitable_iterator(in, aw));
}
}  // namespace

value wrap_awaitable(interpreter& in, const value& aw) {
  if (!type_of(aw)->lookup(in.intern("__await__"))) return value();
  return make_native_coroutine(in, wrap_awaitable_body(aw), "_wrap_awaitable");
}

value asyncgen_anext(interpreter& in, const value& gen) {
  auto* g = static_cast<generator_object*>(gen.obj());
  if (g->finished) {
    return make_native_coroutine(in, raise_stop_async_iteration(), "anext");
  }
  auto* f = static_cast<frame*>(g->frame_v.obj());
  const bool fresh = !g->started;
  g->started = true;
  return make_native_coroutine(in, drive_frame(gen, f, value::none(), fresh, frame_mode::asyncgen_step), "anext");
}

}  // namespace asyncrace::python
