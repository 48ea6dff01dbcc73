// `from cpu_tasks import cpu_bound`: the simulated module the golden generator gives every
// program (tests/golden/README.md, "cpu_tasks"), over the same function the C++ tutorials call
// (program/cpu_tasks.hpp): cpu_bound(n) returns the seed's value and costs 0.145 s of CPU on the
// thread that runs it: on an executor's worker only that worker's clock moves (jobs.hpp), on the
// loop's thread the whole program is blocked, as by time.sleep.
#include "args.hpp"
#include "jobs.hpp"
#include "modules.hpp"
#include "numbers.hpp"
#include "program/cpu_tasks.hpp"

namespace asyncrace::python {

namespace {

value cpu_bound(interpreter& in, const call_args& a, object*) {
  no_keywords(in, a, "cpu_bound");
  if (a.npos != 1)
    throw_error(in, in.types.TypeError,
                std::string("cpu_bound() ") + (a.npos ? "takes 1 positional argument but " + std::to_string(a.npos) + " were given"
                                                     : "missing 1 required positional argument: 'n'"));
  const value& n = a.args[0];
  if (n.is_float()) throw_error(in, in.types.TypeError, "'float' object cannot be interpreted as an integer");
  if (!is_int_like(n))
    throw_error(in, in.types.TypeError, "unsupported operand type(s) for +: '" + type_name(n) + "' and 'int'");
  const bigint big = to_bigint(n);
  if (!big.fits_i64()) throw_error(in, in.types.OverflowError, "cpu_bound(n) takes n within 64 bits here");
  try {
    if (job_context* job = running_job()) return value::integer(asyncrace::cpu_bound(*job, big.to_i64()));
    return value::integer(cpu_tasks::cpu_bound(big.to_i64()));
  } catch (const py_exception& e) {
    // n == -1: the seed's loop divides by zero (`% (n + 1)`).
    throw_error(in, in.types.ZeroDivisionError, "integer division or modulo by zero");
  }
}

void fill_cpu_tasks(interpreter& in, module_object& m) { add_function(in, m, "cpu_bound", cpu_bound); }

}  // namespace

void register_cpu_tasks_module(interpreter& in) { in.register_module("cpu_tasks", fill_cpu_tasks); }

}  // namespace asyncrace::python
