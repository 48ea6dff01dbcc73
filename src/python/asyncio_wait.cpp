// asyncio.wait (done and pending sets, return_when, timeout) and asyncio.as_completed (an
// iterator of awaitables in completion order) for interpreted programs, written as CPython 3.11's
// tasks.py writes them on the scheduler's futures, timers and Queue, so each result costs the same
// loop iterations. as_completed wraps its arguments into tasks in argument order (the goldens'
// generator does the same: tests/golden/README.md, "Conformance").
#include <memory>

#include "pyrt/address.hpp"
#include "args.hpp"
#include "asyncio_natives.hpp"
#include "asyncio_objects.hpp"
#include "asyncio_support.hpp"
#include "functions.hpp"
#include "loop/event_loop.hpp"
#include "asyncio/queue.hpp"
#include "asyncio/timeouts.hpp"
#include "vm.hpp"

namespace asyncrace::python {

value ensure_future_of(interpreter& in, const value& aw);  // asyncio_module.cpp

namespace {

enum class return_when { all_completed, first_completed, first_exception };

// The futures of an iterable argument, each once, in order (coroutines wrapped into tasks when
// `wrap`).
std::vector<value> distinct_futures(interpreter& in, const value& fs, bool wrap) {
  std::vector<value> out;
  value it = get_iter(in, fs);
  for (value x = iter_next(in, it); !x.empty(); x = iter_next(in, it)) {
    bool seen = false;
    for (const value& y : out) seen = seen || y.obj() == x.obj();
    if (!seen) out.push_back(x);
  }
  if (wrap)
    for (value& f : out) f = ensure_future_of(in, f);
  return out;
}

// ---------------------------------------------------------------- wait

struct wait_state {
  future_handle<void> waiter;
  timer_id timer{};
  bool timed = false;
  std::size_t counter = 0;
  return_when when = return_when::all_completed;
  event_loop* loop = nullptr;

  static void on_completion(void* p, future_core& f);
};

struct wait_link {
  wait_state* s;
  future_core* f;
  // Its callback on f: registered by wait, removed as wait returns (found by equality).
  callback as_callback() { return callback::bind<&wait_link::run>(this); }
  static void run(void* p) {  // _on_completion
    auto* l = static_cast<wait_link*>(p);
    wait_state& s = *l->s;
    --s.counter;
    if (s.counter == 0 || s.when == return_when::first_completed ||
        (s.when == return_when::first_exception && !l->f->cancelled() && l->f->retrieve_exception())) {
      if (s.timed) s.loop->cancel_timer(s.timer);
      if (!s.waiter.done()) s.waiter.state().set_result({});
    }
  }
};

task<value> wait_body(std::vector<value> fs, double timeout, return_when when) {
  interpreter& in = current_interpreter();
  event_loop& loop = *event_loop::current();
  wait_state s;
  s.loop = &loop;
  s.when = when;
  s.counter = fs.size();
  s.waiter = create_future<void>(loop);
  if (timeout >= 0) {
    s.timed = true;
    s.timer = loop.call_later(timeout, detail::waiter_callback(s.waiter.state()));
  }
  std::vector<wait_link> links(fs.size());
  for (std::size_t i = 0; i < fs.size(); ++i) {
    links[i] = {&s, &as_future(fs[i])->f.state()};
    links[i].f->add_done_callback(links[i].as_callback());
  }
  struct cleanup {  // finally: cancel the timer, remove the callbacks
    wait_state& s;
    std::vector<wait_link>& links;
    ~cleanup() {
      if (s.timed) s.loop->cancel_timer(s.timer);
      for (wait_link& l : links) l.f->remove_done_callback(l.as_callback());
    }
  } guard{s, links};
  co_await s.waiter;
  in.make_current();
  value done = make_set(in), pending = make_set(in);
  for (const value& f : fs) set_add_item(in, as_future(f)->f.done() ? done : pending, f);
  co_return make_tuple(in, {done, pending});
}

value asyncio_wait(interpreter& in, const call_args& a, object*) {
  value p[3];
  bind_args(in, a, "wait", 0, {"fs", "timeout", "return_when"}, 1, p);
  if (as_future(p[0]) || is_coroutine(p[0])) throw_error(in, in.types.TypeError, "expect a list of futures, not " + type_name(p[0]));
  std::vector<value> fs = distinct_futures(in, p[0], false);
  if (fs.empty()) throw_error(in, in.types.ValueError, "Set of Tasks/Futures is empty.");
  return_when when = return_when::all_completed;
  if (!p[2].empty()) {
    const std::string w = p[2].is_object() && p[2].obj()->type == in.types.str ? str(in, p[2]) : "";
    if (w == "FIRST_COMPLETED") when = return_when::first_completed;
    else if (w == "FIRST_EXCEPTION") when = return_when::first_exception;
    else if (w != "ALL_COMPLETED") throw_error(in, in.types.ValueError, "Invalid return_when value: " + str(in, p[2]));
  }
  if (!event_loop::current()) throw_error(in, in.types.RuntimeError, "no running event loop");
  for (const value& f : fs)
    if (is_coroutine(f)) throw_error(in, in.types.TypeError, "Passing coroutines is forbidden, use tasks explicitly.");
  for (const value& f : fs)
    if (!as_future(f)) throw_error(in, in.types.TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
  const double timeout = p[1].empty() || p[1].is_none() ? -1.0 : seconds_arg(in, p[1], "wait()");
  return make_native_coroutine(in, wait_body(std::move(fs), timeout < 0 ? -1.0 : timeout, when), "wait");
}

// ---------------------------------------------------------------- as_completed

struct completion_state {
  queue<value> done;  // finished futures; None for each one left when the timeout fires
  std::vector<value> todo;
  timer_id timer{};
  bool timed = false;
  event_loop* loop = nullptr;
};

struct completion_link {
  std::shared_ptr<completion_state> s;
  value fut;
  static void run(void* p) {  // _on_completion
    auto* l = static_cast<completion_link*>(p);
    completion_state& s = *l->s;
    for (auto it = s.todo.begin(); it != s.todo.end(); ++it) {
      if (it->obj() != l->fut.obj()) continue;
      s.todo.erase(it);
      s.done.put_nowait(l->fut);
      if (s.todo.empty() && s.timed) s.loop->cancel_timer(s.timer);
      break;
    }
    delete l;
  }
  static void drop(void* p) { delete static_cast<completion_link*>(p); }
};

struct completion_timeout {
  std::shared_ptr<completion_state> s;
  static void run(void* p) {  // _on_timeout
    auto* t = static_cast<completion_timeout*>(p);
    completion_state& s = *t->s;
    for (std::size_t i = 0; i < s.todo.size(); ++i) s.done.put_nowait(value::none());  // one None per pending awaitable
    s.todo.clear();
    delete t;
  }
  static void drop(void* p) { delete static_cast<completion_timeout*>(p); }
};

struct as_completed_object : object {
  value fs;                // the argument, until the first next()
  double timeout = -1.0;
  std::shared_ptr<completion_state> s;
  std::size_t left = 0;
  bool started = false;
};

std::string as_completed_repr(interpreter&, const value& v) {
  return "<generator object as_completed at " + address_text(v.obj()) + ">";
}

// A done future's result, or what it raised as a Python exception. A plain function: no try block
// in a coroutine (see caught, coroutine.hpp).
value result_as_python(interpreter& in, future_obj& fo) {
  try {
    return fo.f.result();
  } catch (...) {
    throw_exception(to_python_exception(in, std::current_exception()));
  }
}

task<value> wait_for_one(std::shared_ptr<completion_state> s) {  // _wait_for_one
  value f = co_await s->done.get();
  interpreter& in = current_interpreter();
  if (f.is_none()) throw_error(in, in.types.TimeoutError, "");
  future_obj* fo = as_future(f);
  co_return result_as_python(in, *fo);
}

void start(interpreter& in, as_completed_object& ac) {
  ac.started = true;
  event_loop* loop = event_loop::current();
  if (!loop) throw_error(in, in.types.RuntimeError, "no running event loop");
  ac.s = std::make_shared<completion_state>();
  ac.s->loop = loop;
  ac.s->todo = distinct_futures(in, ac.fs, true);
  ac.fs = value();
  ac.left = ac.s->todo.size();
  for (const value& f : ac.s->todo)
    as_future(f)->f.state().add_done_callback(
        callback::bind<&completion_link::run, &completion_link::drop>(new completion_link{ac.s, f}));
  if (!ac.s->todo.empty() && ac.timeout >= 0) {
    ac.s->timed = true;
    ac.s->timer = loop->call_later(ac.timeout, callback::bind<&completion_timeout::run, &completion_timeout::drop>(
                                                       new completion_timeout{ac.s}));
  }
}

value as_completed_next(interpreter& in, const value& v) {
  auto& ac = *static_cast<as_completed_object*>(v.obj());
  if (!ac.started) start(in, ac);
  if (ac.left == 0) return value();
  --ac.left;
  return make_native_coroutine(in, wait_for_one(ac.s), "_wait_for_one");
}

value as_completed_iter(interpreter&, const value& v) { return v; }

value asyncio_as_completed(interpreter& in, const call_args& a, object*) {
  value p[2];
  bind_args(in, a, "as_completed", 0, {"fs", "timeout"}, 1, p);
  if (as_future(p[0]) || is_coroutine(p[0]))
    throw_error(in, in.types.TypeError, "expect an iterable of futures, not " + type_name(p[0]));
  value m = in.import_module("asyncio");
  auto* t = static_cast<type_object*>(getattr(in, m, in.intern("_AsCompleted")).obj());
  auto* o = in.heap.make<as_completed_object>(t);
  o->fs = p[0];
  if (!p[1].empty() && !p[1].is_none()) o->timeout = seconds_arg(in, p[1], "as_completed()");
  return value::adopt(o);
}

}  // namespace

void fill_asyncio_wait(interpreter& in, module_object& m) {
  auto def = [&](const char* name, native_fn fn) { m.attrs.set(in.intern(name), make_builtin(in, name, fn)); };
  def("wait", asyncio_wait);
  def("as_completed", asyncio_as_completed);
  for (const char* w : {"FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"}) m.attrs.set(in.intern(w), make_str(in, w));
  type_object* T = make_builtin_type(in, "generator", in.types.object_);
  T->slots.repr = as_completed_repr;
  T->slots.iter = as_completed_iter;
  T->slots.next = as_completed_next;
  m.attrs.set(in.intern("_AsCompleted"), value::borrow(T));
}

}  // namespace asyncrace::python
