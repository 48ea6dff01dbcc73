#include "program/cpu_tasks.hpp"

#include <algorithm>

#include "asyncio/job_wire.hpp"
#include "pyrt/py_exception.hpp"

namespace asyncrace {

// `from cpu_tasks import cpu_bound` can run on a Web Worker (job_wire.hpp).
static const wire::registration cpu_bound_on_workers{
    wire::object_entry<cpu_tasks::cpu_bound_job, std::int64_t(job_context&, std::int64_t)>("cpu_tasks.cpu_bound")};

std::int64_t cpu_bound_loop(std::int64_t n) {
  // The seed's loop as written: sum((i*i) % (n+1) for i in range(2000000)), Python's %.
  if (n == -1) throw py_exception("ZeroDivisionError", "integer modulo by zero");
  const std::int64_t m = n + 1;
  std::int64_t s = 0;
  for (std::int64_t i = 0; i < 2000000; ++i) {
    std::int64_t r = (i * i) % m;
    if (r != 0 && (r < 0) != (m < 0)) r += m;
    s += r;
  }
  return s;
}

std::int64_t cpu_bound_sum(std::int64_t n) {
  constexpr std::int64_t count = 2000000;
  // (i*i) % m depends on i only through i % |m|: a whole period's sum times the number of
  // periods, plus the rest — the same value as the seed's loop, in O(|m|) instead of O(count).
  // Python's % takes the sign of the divisor; beyond count², (i*i) % m is i*i.
  if (n == -1) throw py_exception("ZeroDivisionError", "integer modulo by zero");
  const std::int64_t m = n >= count * count ? count * count : n + 1;
  auto py_mod = [m](std::int64_t a) {
    const std::int64_t r = a % m;
    return r != 0 && (r < 0) != (m < 0) ? r + m : r;
  };
  const std::int64_t period = m < 0 ? -m : m;
  const std::int64_t periods = count / period, rest = count % period;
  std::int64_t whole = 0, partial = 0;
  for (std::int64_t i = 0; i < std::min(period, count); ++i) {
    const std::int64_t v = py_mod(i * i);
    whole += v;
    if (i < rest) partial += v;
  }
  return periods * whole + partial;
}

}  // namespace asyncrace
