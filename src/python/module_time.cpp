// The time module on the virtual clock, as the golden generator patches CPython's
// (tests/golden/README.md, "Virtual clock"; the C++ tutorials' twin is program/py_time.hpp):
// time(), perf_counter() and monotonic() read the loop's clock with an epoch of 0.0, their _ns
// forms give int(seconds * 1e9), and sleep() blocks the loop's thread (the clock moves, nothing
// runs). Inside an executor job (jobs.hpp) they are the worker's clock and sleep instead: only
// that worker waits.
#include <cmath>

#include "args.hpp"
#include "jobs.hpp"
#include "loop/event_loop.hpp"
#include "asyncio/sleep.hpp"
#include "modules.hpp"
#include "numbers.hpp"

namespace asyncrace::python {

namespace {

double now() {
  if (job_context* job = running_job()) return job->time();
  const event_loop* loop = event_loop::current();
  return loop ? loop->time() : 0.0;
}

value time_now(interpreter& in, const call_args& a, object* name) {
  expect_args(in, a, static_cast<str_object*>(name)->s, 0);
  return value::floating(now());
}

value time_now_ns(interpreter& in, const call_args& a, object* name) {
  expect_args(in, a, static_cast<str_object*>(name)->s, 0);
  return int_from_double(in, std::trunc(now() * 1e9));
}

// time.sleep's argument as CPython's _PyTime_FromSecondsObject takes it.
double sleep_seconds(interpreter& in, const value& v) {
  double s = 0;
  if (v.is_float()) {
    s = v.as_float();
    if (std::isnan(s)) throw_error(in, in.types.ValueError, "Invalid value NaN (not a number)");
  } else if (is_int_like(v)) {
    s = to_double(in, v);
  } else if (type_of(v)->lookup(in.intern("__float__"))) {
    s = to_double(in, call(in, *type_of(v)->lookup(in.intern("__float__")), {v}));
  } else {
    throw_error(in, in.types.TypeError, "'" + type_name(v) + "' object cannot be interpreted as an integer");
  }
  if (std::fabs(s) >= 9.2e9) throw_error(in, in.types.OverflowError, "timestamp too large to convert to C _PyTime_t");
  if (s < 0) throw_error(in, in.types.ValueError, "sleep length must be non-negative");
  return s;
}

value time_sleep(interpreter& in, const call_args& a, object*) {
  no_keywords(in, a, "sleep");
  expect_args(in, a, "sleep", 1);
  const double s = sleep_seconds(in, a.args[0]);
  if (job_context* job = running_job())
    job->sleep(s);
  else
    blocking_sleep(s);
  return value::none();
}

void fill_time(interpreter& in, module_object& m) {
  for (const char* name : {"time", "perf_counter", "monotonic"})
    add_function(in, m, name, time_now, value::borrow(in.intern(name)));
  for (const char* name : {"time_ns", "perf_counter_ns", "monotonic_ns"})
    add_function(in, m, name, time_now_ns, value::borrow(in.intern(name)));
  add_function(in, m, "sleep", time_sleep);
}

}  // namespace

void register_time_module(interpreter& in) { in.register_module("time", fill_time); }

}  // namespace asyncrace::python
