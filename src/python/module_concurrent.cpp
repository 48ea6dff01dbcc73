// concurrent.futures for interpreted programs, and the asyncio functions over executors
// (loop.run_in_executor, asyncio.to_thread, asyncio.wrap_future), on the scheduler's pools: a
// ThreadPoolExecutor or ProcessPoolExecutor is the asyncio layer's pool_executor (virtual
// workers: asyncio/virtual_pool.hpp, 8 CPUs), and every call is one detail::submit_call of a
// python_job (jobs.hpp), exactly as a C++ tutorial's run_in_executor is. So a job runs at once on
// its worker's clock, and its outcome reaches the loop through CPython's chain: the job's end
// completes the concurrent future, the next iteration sets the asyncio future, the one after wakes
// its awaiter (asyncio/executor_call.hpp).
//
// A concurrent.futures.Future of submit() shares the asyncio future of that chain (wrap_future
// returns it), and knows its job's outcome and end time at once: it is done once the loop's clock
// reaches the job's end, and result() before then blocks the calling thread (the loop's: the
// clock moves, nothing runs) until the worker has finished, as a real thread's would.
#include <algorithm>
#include <cstdio>
#include <limits>
#include <optional>

#include "pyrt/address.hpp"
#include "args.hpp"
#include "asyncio/executor_call.hpp"
#include "asyncio/pool_executor.hpp"
#include "asyncio/sleep.hpp"
#include "asyncio_natives.hpp"
#include "asyncio_objects.hpp"
#include "asyncio_support.hpp"
#include "coroutine.hpp"
#include "jobs.hpp"
#include "limits.hpp"
#include "modules.hpp"
#include "numbers.hpp"
#include "process_pool.hpp"
#include "process_worker.hpp"
#include "pyrt/context.hpp"
#include "set.hpp"
#include "vm.hpp"

namespace asyncrace::python {

// jobs.hpp ------------------------------------------------------------------------------------

namespace {
thread_local job_context* t_running_job = nullptr;

// A name for the job in traces: the function's __name__ (interned: it lives with the interpreter).
const char* job_name(interpreter& in, const value& fn) {
  value n = getattr_or_empty(in, fn, in.intern("__name__"));
  if (!n.empty() && isinstance(n, in.types.str)) return in.intern(static_cast<str_object*>(n.obj())->s)->s.c_str();
  return "job";
}
}  // namespace

job_context* running_job() { return t_running_job; }

python_job::python_job(interpreter& i, value f, std::vector<value> a, std::vector<std::pair<str_object*, value>> kw,
                       std::shared_ptr<job_outcome> o)
    : in(&i), fn(std::move(f)), args(std::move(a)), kwargs(std::move(kw)), out(std::move(o)) {}

python_job::~python_job() {
  if (in && (!fn.empty() || !args.empty() || !kwargs.empty())) in->make_current();  // its values die in it
}

value python_job::operator()(job_context& job) {
  job_context* const outer = std::exchange(t_running_job, &job);
  struct restore {
    job_context* outer;
    ~restore() { t_running_job = outer; }
  } restore_on_exit{outer};
  in->make_current();
  job.spend(0.0, job_name(*in, fn));  // names the job (the worker's lane in traces)
  std::vector<value> all = args;
  std::vector<str_object*> names;
  for (auto& [k, v] : kwargs) {
    names.push_back(k);
    all.push_back(v);
  }
  try {
    if (pickling_error) std::rethrow_exception(pickling_error);
    value r = processes ? processes->run(pickled_call, job)
                        : call(*in, fn, call_args{all.data(), args.size(), names.data(), names.size()});
    if (out) out->result = r;
    if (out) out->ran = true, out->end = job.time();
    return r;
  } catch (const limit_reached&) {
    throw;
  } catch (...) {
    if (out) out->error = std::current_exception(), out->ran = true, out->end = job.time();
    throw;
  }
}

event_loop& loop_for_jobs(interpreter& in) {
  // CPython's virtual pools call asyncio.get_running_loop(): its RuntimeError when none runs.
  call(in, getattr(in, in.import_module("asyncio"), in.intern("get_running_loop")), std::vector<value>{});
  return *event_loop::current();
}

namespace {

// Helpers ---------------------------------------------------------------------------------------

std::string address(const value& v) { return address_text(v.obj()); }

std::int64_t identity_hash(interpreter&, const value& v) {
  return static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(v.obj()) >> 4);
}

// Any C++ exception as the Python one, raised.
[[noreturn]] void rethrow_as_python(interpreter& in, std::exception_ptr e) { throw_exception(to_python_exception(in, e)); }

double loop_now() {
  const event_loop* loop = event_loop::current();
  return loop ? loop->time() : std::numeric_limits<double>::infinity();
}

// The calling thread waits `seconds`: a job's worker, or the loop's thread (nothing runs).
void block_caller(double seconds) {
  if (seconds <= 0) return;
  if (job_context* job = running_job())
    job->sleep(seconds);
  else
    blocking_sleep(seconds);
}

// The positional arguments from `first` on, and the keyword arguments, of a call.
std::vector<value> positional_from(const call_args& a, std::size_t first) {
  return first < a.npos ? std::vector<value>(a.args + first, a.args + a.npos) : std::vector<value>{};
}
std::vector<std::pair<str_object*, value>> keywords_of(const call_args& a) {
  std::vector<std::pair<str_object*, value>> kw;
  for (std::size_t k = 0; k < a.nkw; ++k) kw.emplace_back(a.kwnames[k], a.kw(k));
  return kw;
}

// concurrent.futures.Future ----------------------------------------------------------------------

struct cfuture_object : object {
  // A job's future (submit): the asyncio future of its chain and what the job left.
  future_handle<value> f;
  std::shared_ptr<job_outcome> out;
  // A Future() the program made and completes itself.
  enum class state : std::uint8_t { pending, running, cancelled, finished } own = state::pending;
  value result, exc;
  std::vector<value> callbacks;           // Python done-callbacks not yet called
  std::vector<future_handle<value>> chained;  // asyncio futures of wrap_future, set when this completes

  bool from_job() const { return static_cast<bool>(out); }
  bool done() const {
    if (from_job()) return (out->ran && loop_now() >= out->end) || f.done();
    return own == state::cancelled || own == state::finished;
  }
  bool cancelled() const { return !from_job() && own == state::cancelled; }
  // The outcome, once done: an error, or the result.
  std::exception_ptr error() const {
    if (from_job()) return out->error;
    if (own == state::cancelled) return nullptr;
    return exc.empty() ? nullptr : std::make_exception_ptr(raised(exc, type_name(exc), ""));
  }
};

std::string cfuture_repr(interpreter& in, const value& v) {
  auto* f = static_cast<cfuture_object*>(v.obj());
  std::string out = "<Future at " + address(v) + " state=";
  if (f->cancelled()) return out + "cancelled>";
  if (!f->done()) return out + (f->from_job() || f->own == cfuture_object::state::running ? "running>" : "pending>");
  if (f->from_job()) {
    if (f->out->error) return out + "finished raised " + type_name(to_python_exception(in, f->out->error)) + ">";
    return out + "finished returned " + type_name(f->out->result) + ">";
  }
  if (!f->exc.empty()) return out + "finished raised " + type_name(f->exc) + ">";
  return out + "finished returned " + type_name(f->result) + ">";
}

cfuture_object& cf(interpreter& in, const call_args& a) {
  if (a.npos < 1 || !a.args[0].is_object() || a.args[0].obj()->type->slots.repr != cfuture_repr)
    throw_error(in, in.types.TypeError, "descriptor requires a 'Future' object");
  return *static_cast<cfuture_object*>(a.args[0].obj());
}

// The module's exception classes, by name (CancelledError, InvalidStateError, ...).
type_object* futures_error(interpreter& in, const char* name) {
  value m = in.import_module("concurrent.futures");
  return static_cast<type_object*>(getattr(in, m, in.intern(name)).obj());
}

value make_cfuture(interpreter& in, future_handle<value> f, std::shared_ptr<job_outcome> out) {
  value m = in.import_module("concurrent.futures");
  auto* t = static_cast<type_object*>(getattr(in, m, in.intern("Future")).obj());
  auto* o = in.heap.make<cfuture_object>(t);
  o->f = std::move(f);
  o->out = std::move(out);
  return value::adopt(o);
}

// Waits (blocking the caller) until the future is done, or `timeout` seconds: false on timeout.
bool wait_done(interpreter& in, cfuture_object& f, const value& timeout) {
  if (f.done()) return true;
  const double limit = timeout.empty() || timeout.is_none() ? std::numeric_limits<double>::infinity() : to_double(in, timeout);
  if (!f.from_job() || !f.out->ran) {
    // Nothing but this thread could complete it.
    if (limit == std::numeric_limits<double>::infinity())
      throw deadlock_error("deadlock at t=" + repr(in, value::floating(loop_now())) +
                           ": waiting for a concurrent.futures.Future that nothing will complete");
    block_caller(limit);
    return false;
  }
  const double now = running_job() ? running_job()->time() : loop_now();
  const double wait = f.out->end - now;
  if (wait > limit) {
    block_caller(limit);
    return false;
  }
  block_caller(wait);
  return true;
}

value cf_construct(interpreter& in, const call_args& a, object* t) {
  expect_args(in, a, "Future", 0);
  return value::adopt(in.heap.make<cfuture_object>(static_cast<type_object*>(t)));
}

value cf_done(interpreter& in, const call_args& a, object*) { return value::boolean(cf(in, a).done()); }
value cf_running(interpreter& in, const call_args& a, object*) {
  cfuture_object& f = cf(in, a);
  return value::boolean(f.from_job() ? !f.done() : f.own == cfuture_object::state::running);
}
value cf_cancelled(interpreter& in, const call_args& a, object*) { return value::boolean(cf(in, a).cancelled()); }

void run_callbacks(interpreter& in, const value& self);

value cf_cancel(interpreter& in, const call_args& a, object*) {
  cfuture_object& f = cf(in, a);
  if (f.from_job()) return value::boolean(false);  // a submitted job is running: nothing stops it
  if (f.own == cfuture_object::state::running || f.own == cfuture_object::state::finished) return value::boolean(false);
  if (f.own == cfuture_object::state::pending) {
    f.own = cfuture_object::state::cancelled;
    run_callbacks(in, a.args[0]);
  }
  return value::boolean(true);
}

value cf_result(interpreter& in, const call_args& a, object*) {
  cfuture_object& f = cf(in, a);
  value p[1];
  bind_args(in, a, "result", 1, {"timeout"}, 0, p);
  if (f.cancelled()) throw_exception(new_exception(in, futures_error(in, "CancelledError"), {}));
  if (!wait_done(in, f, p[0])) throw_exception(new_exception(in, in.types.TimeoutError, {}));
  if (std::exception_ptr e = f.error()) rethrow_as_python(in, e);
  return f.from_job() ? f.out->result : f.result;
}

value cf_exception(interpreter& in, const call_args& a, object*) {
  cfuture_object& f = cf(in, a);
  value p[1];
  bind_args(in, a, "exception", 1, {"timeout"}, 0, p);
  if (f.cancelled()) throw_exception(new_exception(in, futures_error(in, "CancelledError"), {}));
  if (!wait_done(in, f, p[0])) throw_exception(new_exception(in, in.types.TimeoutError, {}));
  std::exception_ptr e = f.error();
  return e ? to_python_exception(in, e) : value::none();
}

// A Python done-callback of a job's future: run by the loop when the job's outcome arrives.
struct job_done_callback {
  interpreter* in;
  value fn, future;
  static void run(void* p) {
    std::unique_ptr<job_done_callback> cb(static_cast<job_done_callback*>(p));
    cb->in->make_current();
    try {
      call(*cb->in, cb->fn, {cb->future});
    } catch (const limit_reached&) {
      throw;
    } catch (...) {
      // concurrent.futures logs "exception calling callback for ..."; the transcript does not.
    }
  }
  static void drop(void* p) {
    auto* cb = static_cast<job_done_callback*>(p);
    cb->in->make_current();
    delete cb;
  }
};

value cf_add_done_callback(interpreter& in, const call_args& a, object*) {
  cfuture_object& f = cf(in, a);
  expect_args(in, a, "add_done_callback", 2);
  if (f.done()) {
    try {
      call(in, a.args[1], {a.args[0]});
    } catch (const limit_reached&) {
      throw;
    } catch (...) {
    }
    return value::none();
  }
  if (f.from_job())
    f.f.state().add_done_callback(callback::bind<&job_done_callback::run, &job_done_callback::drop>(
        new job_done_callback{&in, a.args[1], a.args[0]}));
  else
    f.callbacks.push_back(a.args[1]);
  return value::none();
}

// A wrap_future destination of a Future() the program completes: set in the loop's next
// iteration (call_soon_threadsafe(_set_state)).
struct set_state_call {
  future_handle<value> dest;
  std::exception_ptr error;
  value result;
  bool cancelled = false;
  interpreter* in;
  static void run(void* p) {
    std::unique_ptr<set_state_call> c(static_cast<set_state_call*>(p));
    c->in->make_current();
    future_state<value>& d = c->dest.state();
    if (d.cancelled()) return;
    if (c->cancelled) d.cancel();
    else if (c->error) d.set_exception(c->error);
    else d.set_result(c->result);
  }
  static void drop(void* p) {
    auto* c = static_cast<set_state_call*>(p);
    c->in->make_current();
    delete c;
  }
};

void chain_now(interpreter& in, cfuture_object& f, const future_handle<value>& dest) {
  event_loop& loop = dest.state().loop();
  auto* c = new set_state_call{dest, f.error(), f.result, f.cancelled(), &in};
  loop.call_soon(callback::bind<&set_state_call::run, &set_state_call::drop>(c));
}

void run_callbacks(interpreter& in, const value& self) {
  auto& f = *static_cast<cfuture_object*>(self.obj());
  for (const future_handle<value>& d : std::exchange(f.chained, {})) chain_now(in, f, d);
  for (const value& fn : std::exchange(f.callbacks, {})) {
    try {
      call(in, fn, {self});
    } catch (const limit_reached&) {
      throw;
    } catch (...) {
    }
  }
}

value cf_set_running(interpreter& in, const call_args& a, object*) {
  cfuture_object& f = cf(in, a);
  if (f.from_job() || f.own == cfuture_object::state::running || f.own == cfuture_object::state::finished)
    throw_error(in, in.types.RuntimeError, "Future in unexpected state");
  if (f.own == cfuture_object::state::cancelled) return value::boolean(false);
  f.own = cfuture_object::state::running;
  return value::boolean(true);
}

value cf_set(interpreter& in, const call_args& a, bool is_exception) {
  cfuture_object& f = cf(in, a);
  expect_args(in, a, is_exception ? "set_exception" : "set_result", 2);
  if (f.from_job() || f.done()) {
    // CPython's message names the state: "FINISHED: <Future at 0x... state=finished returned int>".
    const char* state = f.cancelled() ? "CANCELLED: " : f.done() ? "FINISHED: " : "RUNNING: ";
    throw_exception(new_exception(in, futures_error(in, "InvalidStateError"), {make_str(in, state + cfuture_repr(in, a.args[0]))}));
  }
  if (is_exception) {
    value e = a.args[1];
    if (isinstance(e, in.types.type_)) e = call(in, e, std::vector<value>{});
    f.exc = e;
  } else {
    f.result = a.args[1];
  }
  f.own = cfuture_object::state::finished;
  run_callbacks(in, a.args[0]);
  return value::none();
}
value cf_set_result(interpreter& in, const call_args& a, object*) { return cf_set(in, a, false); }
value cf_set_exception(interpreter& in, const call_args& a, object*) { return cf_set(in, a, true); }

// Executors ---------------------------------------------------------------------------------------

struct executor_object : object {
  std::unique_ptr<pool_executor> pool;
  std::shared_ptr<process_workers> processes;  // a ProcessPoolExecutor's worker processes
  bool shut_down = false;
};

// fn(*args, **kwargs) as a job of `e`: pickled for a process pool (pickle's error, if any, is
// what the job raises, as CPython's future gets it).
python_job job_for(interpreter& in, const executor_object& e, value fn, std::vector<value> args,
                   std::vector<std::pair<str_object*, value>> kwargs, std::shared_ptr<job_outcome> out = nullptr) {
  if (!e.processes) return python_job(in, std::move(fn), std::move(args), std::move(kwargs), std::move(out));
  python_job job(in, fn, {}, {}, std::move(out));
  job.processes = e.processes;
  job.pickling_error = python_error_of([&] { job.pickled_call = process_workers::pickle_call(in, fn, args, kwargs); });
  return job;
}

std::string executor_repr(interpreter&, const value& v) {
  const type_object* t = v.obj()->type;
  return "<" + t->module + "." + t->name + " object at " + address(v) + ">";
}

executor_object& ex(interpreter& in, const call_args& a) {
  if (a.npos < 1 || !a.args[0].is_object() || a.args[0].obj()->type->slots.repr != executor_repr)
    throw_error(in, in.types.TypeError, "descriptor requires an 'Executor' object");
  return *static_cast<executor_object*>(a.args[0].obj());
}

std::optional<int> max_workers_arg(interpreter& in, const value& v) {
  if (v.empty() || v.is_none()) return std::nullopt;
  if (!is_int_like(v)) throw_error(in, in.types.TypeError, "'<=' not supported between instances of '" + type_name(v) + "' and 'int'");
  const bigint n = to_bigint(v);
  if (n.negative() || n.is_zero()) throw_error(in, in.types.ValueError, "max_workers must be greater than 0");
  if (!n.fits_i64() || n.to_i64() > 1'000'000) throw_error(in, in.types.ValueError, "max_workers is too large for virtual workers");
  return static_cast<int>(n.to_i64());
}

value thread_pool_new(interpreter& in, const call_args& a, object* t) {
  value p[4];
  bind_args(in, a, "ThreadPoolExecutor", 0, {"max_workers", "thread_name_prefix", "initializer", "initargs"}, 0, p);
  const std::optional<int> n = max_workers_arg(in, p[0]);
  auto* o = in.heap.make<executor_object>(static_cast<type_object*>(t));
  value v = value::adopt(o);
  o->pool = std::make_unique<thread_pool_executor>(n);
  return v;
}

value process_pool_new(interpreter& in, const call_args& a, object* t) {
  value p[5];
  bind_args(in, a, "ProcessPoolExecutor", 0, {"max_workers", "mp_context", "initializer", "initargs", "max_tasks_per_child"}, 0, p);
  const std::optional<int> n = max_workers_arg(in, p[0]);
  auto* o = in.heap.make<executor_object>(static_cast<type_object*>(t));
  value v = value::adopt(o);
  o->pool = std::make_unique<process_pool_executor>(n);
  o->processes = std::make_shared<process_workers>(in);
  return v;
}

// One call on a pool: the asyncio future of its chain (submit_call), `out` told its outcome.
future_handle<value> submit_job(interpreter& in, event_loop& loop, executor& pool, python_job job, std::optional<context> ctx) {
  const auto* made = dynamic_cast<const pool_executor*>(&pool);
  if (made && made->real() && !job.processes)
    throw_error(in, in.types.RuntimeError,
                "real workers cannot run interpreted Python functions on a thread pool (threads would share the "
                "program's interpreter): use virtual workers, or a ProcessPoolExecutor");
  try {
    if (made && made->real()) return submit_to_real_processes(in, loop, pool, std::move(job));  // process_worker.hpp
    return detail::submit_call(loop, pool, std::move(ctx), std::move(job));
  } catch (const raised&) {
    throw;
  } catch (const limit_reached&) {
    throw;
  } catch (...) {
    rethrow_as_python(in, std::current_exception());  // "cannot schedule new futures after shutdown"
  }
}

value executor_submit(interpreter& in, const call_args& a, object*) {
  executor_object& e = ex(in, a);
  if (a.npos < 2) throw_error(in, in.types.TypeError, "submit() missing 1 required positional argument: 'fn'");
  if (e.shut_down) throw_error(in, in.types.RuntimeError, "cannot schedule new futures after shutdown");
  event_loop& loop = loop_for_jobs(in);
  auto out = std::make_shared<job_outcome>();
  python_job job = job_for(in, e, a.args[1], positional_from(a, 2), keywords_of(a), out);
  return make_cfuture(in, submit_job(in, loop, *e.pool, std::move(job), std::nullopt), out);
}

value executor_shutdown(interpreter& in, const call_args& a, object*) {
  executor_object& e = ex(in, a);
  value p[2];
  bind_args(in, a, "shutdown", 1, {"wait", "cancel_futures"}, 0, p);
  const bool wait = p[0].empty() || truthy(in, p[0]);
  e.shut_down = true;
  e.pool->shutdown(wait);  // with wait, the loop's thread blocks until the last job's end
  if (e.processes) e.processes->shut_down();
  return value::none();
}

value executor_enter(interpreter& in, const call_args& a, object*) {
  ex(in, a);
  return a.args[0];
}

value executor_exit(interpreter& in, const call_args& a, object*) {
  executor_object& e = ex(in, a);
  e.shut_down = true;
  e.pool->shutdown(true);
  if (e.processes) e.processes->shut_down();
  return value::boolean(false);
}

// Iterators over futures: map()'s results and as_completed()'s futures, each blocking the caller
// until the next one is done.
struct future_iterator : object {
  std::vector<value> futures;  // in the order they are given out
  std::size_t next = 0;
  bool results = false;        // map: the results; as_completed: the futures
  std::string what;            // the generator's qualified name, for its repr
  value timeout;
};

std::string future_iterator_repr(interpreter&, const value& v) {
  return "<generator object " + static_cast<future_iterator*>(v.obj())->what + " at " + address(v) + ">";
}

value future_iterator_iter(interpreter&, const value& v) { return v; }

value future_iterator_next(interpreter& in, const value& v) {
  auto* it = static_cast<future_iterator*>(v.obj());
  if (it->next >= it->futures.size()) return value();
  value fv = it->futures[it->next++];
  auto& f = *static_cast<cfuture_object*>(fv.obj());
  if (!it->results) {
    if (!wait_done(in, f, it->timeout)) throw_exception(new_exception(in, in.types.TimeoutError, {}));
    return fv;
  }
  value self = fv;
  return cf_result(in, call_args{&self, 1, nullptr, 0}, nullptr);
}

value make_future_iterator(interpreter& in, std::vector<value> futures, bool results, std::string what, value timeout) {
  value m = in.import_module("concurrent.futures");
  auto* t = static_cast<type_object*>(getattr(in, m, in.intern("_result_iterator")).obj());
  auto* o = in.heap.make<future_iterator>(t);
  o->futures = std::move(futures);
  o->results = results;
  o->what = std::move(what);
  o->timeout = std::move(timeout);
  return value::adopt(o);
}

value executor_map(interpreter& in, const call_args& a, object*) {
  ex(in, a);
  if (a.npos < 2) throw_error(in, in.types.TypeError, "map() missing 1 required positional argument: 'fn'");
  value timeout = keyword_arg(a, "timeout");
  std::vector<value> iters;
  for (std::size_t i = 2; i < a.npos; ++i) iters.push_back(get_iter(in, a.args[i]));
  std::vector<value> futures;
  if (!iters.empty()) {
    while (true) {
      std::vector<value> args;
      for (const value& it : iters) {
        value x = iter_next(in, it);
        if (x.empty()) break;
        args.push_back(std::move(x));
      }
      if (args.size() < iters.size()) break;
      std::vector<value> submit_args{a.args[0], a.args[1]};  // pool.submit(fn, *args)
      submit_args.insert(submit_args.end(), args.begin(), args.end());
      futures.push_back(executor_submit(in, call_args{submit_args.data(), submit_args.size(), nullptr, 0}, nullptr));
    }
  }
  return make_future_iterator(in, std::move(futures), true, "Executor.map.<locals>.result_iterator",
                              timeout.empty() ? value::none() : timeout);
}

// Module functions ---------------------------------------------------------------------------------

std::vector<value> futures_of(interpreter& in, const value& fs) {
  std::vector<value> out;
  value it = get_iter(in, fs);
  for (value x = iter_next(in, it); !x.empty(); x = iter_next(in, it)) {
    if (!x.is_object() || x.obj()->type->slots.repr != cfuture_repr)
      throw_error(in, in.types.AttributeError, "'" + type_name(x) + "' object has no attribute '_condition'");
    if (std::none_of(out.begin(), out.end(), [&](const value& y) { return y.identical(x); })) out.push_back(x);
  }
  return out;
}

// When each future will be done: now for a done one, its job's end, never for one only the program
// can complete.
double done_at(const value& v) {
  auto& f = *static_cast<cfuture_object*>(v.obj());
  if (f.done()) return -std::numeric_limits<double>::infinity();
  if (f.from_job() && f.out->ran) return f.out->end;
  return std::numeric_limits<double>::infinity();
}

std::vector<value> by_completion(std::vector<value> fs) {
  std::stable_sort(fs.begin(), fs.end(), [](const value& x, const value& y) { return done_at(x) < done_at(y); });
  return fs;
}

value futures_as_completed(interpreter& in, const call_args& a, object*) {
  value p[2];
  bind_args(in, a, "as_completed", 0, {"fs", "timeout"}, 1, p);
  return make_future_iterator(in, by_completion(futures_of(in, p[0])), false, "as_completed",
                              p[1].empty() ? value::none() : p[1]);
}

value futures_wait(interpreter& in, const call_args& a, object*) {
  value p[3];
  bind_args(in, a, "wait", 0, {"fs", "timeout", "return_when"}, 1, p);
  std::vector<value> fs = futures_of(in, p[0]);
  const std::string when = p[2].empty() ? "ALL_COMPLETED" : str(in, p[2]);
  const double limit = p[1].empty() || p[1].is_none() ? std::numeric_limits<double>::infinity() : to_double(in, p[1]);
  const double now = loop_now();
  constexpr double never = std::numeric_limits<double>::infinity();
  // The moment the wait ends: the first completion (FIRST_COMPLETED), the first failure
  // (FIRST_EXCEPTION, else the last completion), or the last completion (ALL_COMPLETED).
  double first = never, last = -never, first_failure = never;
  for (const value& v : fs) {
    const double t = done_at(v);
    auto& f = *static_cast<cfuture_object*>(v.obj());
    first = std::min(first, t);
    last = std::max(last, t);
    if ((f.from_job() && f.out->error) || f.cancelled()) first_failure = std::min(first_failure, t);
  }
  double until = when == "FIRST_COMPLETED" ? first : when == "FIRST_EXCEPTION" ? std::min(first_failure, last) : last;
  until = std::max(until, now);
  if (until - now > limit) until = now + limit;
  if (until == std::numeric_limits<double>::infinity())
    throw deadlock_error("deadlock at t=" + repr(in, value::floating(now)) +
                         ": waiting for a concurrent.futures.Future that nothing will complete");
  block_caller(until - now);
  value done = make_set(in), not_done = make_set(in);
  for (const value& v : fs) {
    value& s = static_cast<cfuture_object*>(v.obj())->done() ? done : not_done;
    set_of(s).add(in, v, hash(in, v));
  }
  value m = in.import_module("concurrent.futures");
  return call(in, getattr(in, m, in.intern("DoneAndNotDoneFutures")), {done, not_done});
}

// An exception class of the module, derived from `base`.
value exception_class(interpreter& in, const char* name, const value& base, const char* module) {
  auto* b = static_cast<type_object*>(base.obj());
  type_object* t = make_builtin_type(in, name, b);
  t->module = module;
  t->is_exception = true;
  t->instance_layout = type_object::layout::exception;
  t->slots = b->slots;
  return value::borrow(t);
}

void fill_futures(interpreter& in, module_object& m) {
  auto set = [&](const char* name, value v) { m.attrs.set(in.intern(name), std::move(v)); };
  const char* base = "concurrent.futures._base";
  value error = exception_class(in, "Error", value::borrow(in.types.Exception), base);
  set("Error", error);
  set("CancelledError", exception_class(in, "CancelledError", error, base));
  set("InvalidStateError", exception_class(in, "InvalidStateError", error, base));
  set("BrokenExecutor", exception_class(in, "BrokenExecutor", value::borrow(in.types.RuntimeError), base));
  set("TimeoutError", value::borrow(in.types.TimeoutError));
  set("BrokenProcessPool", value::borrow(in.types.BrokenProcessPool));
  for (const char* c : {"FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"}) set(c, make_str(in, c));

  type_object* F = make_builtin_type(in, "Future", in.types.object_);
  F->module = "concurrent.futures._base";
  F->slots.repr = cfuture_repr;
  F->slots.hash = identity_hash;
  F->slots.construct = cf_construct;
  add_method(in, F, "done", cf_done);
  add_method(in, F, "running", cf_running);
  add_method(in, F, "cancelled", cf_cancelled);
  add_method(in, F, "cancel", cf_cancel);
  add_method(in, F, "result", cf_result);
  add_method(in, F, "exception", cf_exception);
  add_method(in, F, "add_done_callback", cf_add_done_callback);
  add_method(in, F, "set_running_or_notify_cancel", cf_set_running);
  add_method(in, F, "set_result", cf_set_result);
  add_method(in, F, "set_exception", cf_set_exception);
  set("Future", value::borrow(F));

  type_object* E = make_builtin_type(in, "Executor", in.types.object_);
  E->module = "concurrent.futures._base";
  E->slots.repr = executor_repr;
  add_method(in, E, "submit", executor_submit);
  add_method(in, E, "map", executor_map);
  add_method(in, E, "shutdown", executor_shutdown);
  add_method(in, E, "__enter__", executor_enter);
  add_method(in, E, "__exit__", executor_exit);
  set("Executor", value::borrow(E));
  type_object* T = make_builtin_type(in, "ThreadPoolExecutor", E);
  T->module = "concurrent.futures.thread";
  T->slots.repr = executor_repr;
  T->slots.construct = thread_pool_new;
  set("ThreadPoolExecutor", value::borrow(T));
  type_object* P = make_builtin_type(in, "ProcessPoolExecutor", E);
  P->module = "concurrent.futures.process";
  P->slots.repr = executor_repr;
  P->slots.construct = process_pool_new;
  set("ProcessPoolExecutor", value::borrow(P));

  type_object* R = make_builtin_type(in, "generator", in.types.object_);
  R->slots.repr = future_iterator_repr;
  R->slots.iter = future_iterator_iter;
  R->slots.next = future_iterator_next;
  set("_result_iterator", value::borrow(R));
  add_function(in, m, "as_completed", futures_as_completed);
  add_function(in, m, "wait", futures_wait);
  value collections = in.import_module("collections");
  set("DoneAndNotDoneFutures", call(in, getattr(in, collections, in.intern("namedtuple")),
                                    {make_str(in, "DoneAndNotDoneFutures"), make_str(in, "done not_done")}));
}

// asyncio's side -----------------------------------------------------------------------------------

// loop.run_in_executor(executor, func, *args): executor.submit(func, *args) wrapped in an asyncio
// future (the chain of asyncio/executor_call.hpp); None is the loop's default executor.
value loop_run_in_executor(interpreter& in, const call_args& a, object*) {
  if (a.npos < 3)
    throw_error(in, in.types.TypeError,
                a.npos < 2 ? "run_in_executor() missing 2 required positional arguments: 'executor' and 'func'"
                           : "run_in_executor() missing 1 required positional argument: 'func'");
  no_keywords(in, a, "run_in_executor");
  const value& executor_v = a.args[1];
  if (!executor_v.is_none() && !(executor_v.is_object() && executor_v.obj()->type->slots.repr == executor_repr)) {
    // Another Executor: its submit, wrapped.
    std::vector<value> args = positional_from(a, 2);
    value f = call(in, getattr(in, executor_v, in.intern("submit")), std::move(args));
    value asyncio = in.import_module("asyncio");
    return call(in, getattr(in, asyncio, in.intern("wrap_future")), {f});
  }
  event_loop& loop = loop_for_jobs(in);
  if (executor_v.is_none())
    return make_future(in, submit_job(in, loop, default_executor(loop), python_job(in, a.args[2], positional_from(a, 3), {}), std::nullopt),
                       wait_target{});
  auto& e = *static_cast<executor_object*>(executor_v.obj());
  if (e.shut_down) throw_error(in, in.types.RuntimeError, "cannot schedule new futures after shutdown");
  python_job job = job_for(in, e, a.args[2], positional_from(a, 3), {});
  return make_future(in, submit_job(in, loop, *e.pool, std::move(job), std::nullopt), wait_target{});
}

// asyncio.to_thread(func, /, *args, **kwargs): when it runs, func(*args, **kwargs) on the loop's
// default executor in a copy of the caller's context (functools.partial(ctx.run, func, ...)).
task<value> to_thread_body(python_job job) {
  interpreter& in = *job.in;
  event_loop& loop = loop_for_jobs(in);
  future_handle<value> f = submit_job(in, loop, default_executor(loop), std::move(job), copy_context());
  co_return co_await f;
}

value asyncio_to_thread(interpreter& in, const call_args& a, object*) {
  if (a.npos < 1) throw_error(in, in.types.TypeError, "to_thread() missing 1 required positional argument: 'func'");
  return make_native_coroutine(in, to_thread_body(python_job(in, a.args[0], positional_from(a, 1), keywords_of(a))),
                               "to_thread");
}

// asyncio.wrap_future(future, *, loop=None): an asyncio future is itself; a job's concurrent
// future is the asyncio future of its chain; a Future() the program completes is chained.
value asyncio_wrap_future(interpreter& in, const call_args& a, object*) {
  value p[2];
  bind_args(in, a, "wrap_future", 0, {"future", "loop"}, 1, p);
  const value& fut = p[0];
  if (as_future(fut)) return fut;
  if (!fut.is_object() || fut.obj()->type->slots.repr != cfuture_repr)
    throw_error(in, in.types.AssertionError, "concurrent.futures.Future is expected, got " + repr(in, fut));
  auto& f = *static_cast<cfuture_object*>(fut.obj());
  if (f.from_job()) return make_future(in, f.f, wait_target{});
  event_loop* loop = event_loop::current();
  if (!loop) throw_error(in, in.types.RuntimeError, "no running event loop");
  future_handle<value> dest = create_future<value>(*loop);
  if (f.done())
    chain_now(in, f, dest);
  else
    f.chained.push_back(dest);
  return make_future(in, std::move(dest), wait_target{});
}

}  // namespace

void fill_asyncio_executors(interpreter& in, module_object& m) {
  add_loop_method(in, m, "run_in_executor", loop_run_in_executor);
  m.attrs.set(in.intern("to_thread"), make_builtin(in, "to_thread", asyncio_to_thread));
  m.attrs.set(in.intern("wrap_future"), make_builtin(in, "wrap_future", asyncio_wrap_future));
}

void register_concurrent_module(interpreter& in) {
  in.register_module("concurrent", [](interpreter&, module_object&) {});
  in.register_module("concurrent.futures", fill_futures);
}

}  // namespace asyncrace::python
