// `from cpu_tasks import cpu_bound`: the module the golden generator gives seed 001 (its own
// cpu_bound is commented out). cpu_bound(n) returns the seed's real value and costs 0.145 s of
// CPU on the thread that runs it (tests/golden/README.md, "cpu_tasks"):
//   run_in_executor(pool, cpu_bound, i)   on a worker: only that worker's clock moves;
//   cpu_bound(1)                          on the loop's thread: the loop is blocked 0.145 s.
// With real executors (loop_options::executors) both run the seed's real loop and cost what it
// measurably takes.
// It lives with the Python process (this layer), not with the tutorials: the C++ tutorials call it
// and the interpreter's `cpu_tasks` module (src/python/module_cpu_tasks.cpp) wraps the same
// function, as the golden generator gives every program the same simulated module.
#pragma once

#include <chrono>
#include <cstdint>

#include "asyncio/job_context.hpp"
#include "asyncio/sleep.hpp"
#include "loop/event_loop.hpp"

namespace asyncrace {

// The seed's CPU-bound job (model page): the sum over i in [0, 2000000) of (i*i) % (n+1) in
// 64-bit integers — exactly CPython's values — costing the seed's measured 0.145 s of CPU.
// cpu_bound_sum computes it in O(n); cpu_bound_loop is the seed's real 2,000,000-step loop, which
// a real worker runs (its cost is then measured, not declared).
inline constexpr double cpu_bound_seconds = 0.145;
std::int64_t cpu_bound_sum(std::int64_t n);
std::int64_t cpu_bound_loop(std::int64_t n);
inline std::int64_t cpu_bound(job_context& job, std::int64_t n) {
  const std::int64_t s = job.real() ? cpu_bound_loop(n) : cpu_bound_sum(n);
  job.spend(cpu_bound_seconds);  // on a real worker: names the job (the loop above took the time)
  return s;
}

}  // namespace asyncrace

namespace asyncrace::cpu_tasks {

struct cpu_bound_job {
  // On a virtual worker (cpu_bound above: the job is named "cpu_bound").
  std::int64_t operator()(job_context& job, std::int64_t n) const { return asyncrace::cpu_bound(job, n); }
  // On the loop's thread: like time.sleep(0.145), nothing else runs meanwhile.
  std::int64_t operator()(std::int64_t n) const {
    if (event_loop* loop = event_loop::current(); loop && loop->executors()) {
      const auto t0 = std::chrono::steady_clock::now();
      const std::int64_t s = cpu_bound_loop(n);
      loop->blocked_really(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      return s;
    }
    const std::int64_t s = cpu_bound_sum(n);
    blocking_sleep(cpu_bound_seconds);
    return s;
  }
};
// One object, so that `cpu_bound` names the function both ways, as in Python.
inline constexpr cpu_bound_job cpu_bound{};

}  // namespace asyncrace::cpu_tasks
