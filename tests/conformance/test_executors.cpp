// Executors in the model page's virtual mode (twins: executors/*.py, which run the same model in
// pure Python, executors/support/virtual_executor.py, on CPython's own asyncio).
#include <doctest.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "job_log.hpp"
#include "scenario.hpp"
#include "tutorials/cpu_tasks.hpp"

using namespace asyncrace;
using conformance::loop_time;

namespace {
// repr() of a list of int: [0, 2, 4].
template <class T>
std::string py_list(const std::vector<T>& items) {
  std::string out = "[";
  for (const T& v : items) out += (out.size() > 1 ? ", " : "") + py_str(v);
  return out + "]";
}
template <class T>
std::string py_list(const T& a, const T& b, const T& c) {  // (outside the coroutine: g++ 12)
  return py_list(std::vector<T>{a, b, c});
}
// f"{x:.3f}"
std::string fixed3(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

int blocking_io(job_context& job, int x) {
  job.sleep(1);  // time.sleep(1), on the worker's clock
  return x * 2;
}
}  // namespace

namespace to_thread_blocking_io {
task<> ticker() {
  for (int i = 0; i < 3; ++i) {
    print(fixed3(loop_time()), "tick", i);
    co_await asyncio::sleep(0.4);
  }
}
task<> using_to_thread() {
  const double t0 = loop_time();
  auto [a, b, c] = co_await asyncio::gather(asyncio::to_thread(blocking_io, 1), asyncio::to_thread(blocking_io, 2),
                                            asyncio::to_thread(blocking_io, 3));
  print("to_thread elapsed", loop_time() - t0, py_list(a, b, c));
}
task<> main() {
  auto tick = asyncio::create_task(ticker());
  co_await using_to_thread();
  co_await tick;
}
}  // namespace to_thread_blocking_io

TEST_CASE("to_thread: three blocking_io calls on three workers end together at 1.0 while the loop stays free") {
  conformance::scenario s;
  s.run(to_thread_blocking_io::main());
  CHECK(s.transcript() == conformance::expected("executors/to_thread_blocking_io"));
}

namespace threadpool_limits {
task<int> job(thread_pool_executor& pool, int i) {
  const int res = co_await run_in_executor(pool, blocking_io, i);
  print(fixed3(loop_time()), "job", i, "->", res);
  co_return res;
}
task<> three_at_a_time() {
  const double t0 = loop_time();
  std::vector<int> res;
  {
    thread_pool_executor pool(3);
    std::vector<task<int>> jobs;
    for (int i = 0; i < 10; ++i) jobs.push_back(job(pool, i));
    res = co_await asyncio::gather(std::move(jobs));
    pool.shutdown();  // leaving `with`
  }
  print("max_workers=3 elapsed", loop_time() - t0, py_list(res));
}
task<> using_threadpool() {
  const double t0 = loop_time();
  thread_pool_executor pool;
  std::vector<future_handle<int>> tasks;
  for (int i = 0; i < 3; ++i) tasks.push_back(run_in_executor(pool, blocking_io, i));
  auto res = co_await asyncio::gather(std::move(tasks));
  print("threadpool elapsed", loop_time() - t0, py_list(res));
  pool.shutdown();
}
task<> shutdown_waits() {
  const double t0 = loop_time();
  {
    thread_pool_executor pool(1);
    run_in_executor(pool, blocking_io, 0);  // never awaited
    print("submitted, leaving the with block");
    pool.shutdown();
  }
  print("left it after", loop_time() - t0);
  co_return;
}
}  // namespace threadpool_limits

TEST_CASE("ThreadPoolExecutor(max_workers=3) runs ten 1 s jobs three at a time, and leaving `with` waits") {
  conformance::scenario s;
  s.run(threadpool_limits::three_at_a_time());
  s.run(threadpool_limits::using_threadpool());
  s.run(threadpool_limits::shutdown_waits());
  CHECK(s.transcript() == conformance::expected("executors/threadpool_limits"));
}

namespace processpool_cpu_bound {
task<> using_processpool(int n_tasks = 30) {
  const double t0 = loop_time();
  process_pool_executor pool;
  std::vector<future_handle<std::int64_t>> tasks;
  for (int i = 0; i < n_tasks; ++i) tasks.push_back(run_in_executor(pool, cpu_bound, i));
  auto res = co_await asyncio::gather(std::move(tasks));
  print("processpool elapsed", loop_time() - t0, "results:", py_list(res));
  pool.shutdown();
}
}  // namespace processpool_cpu_bound

TEST_CASE("ProcessPoolExecutor(): the seed's 30 cpu_bound calls on 8 workers take 4 rounds of 0.145 s") {
  conformance::scenario s;
  s.run(processpool_cpu_bound::using_processpool(30));
  CHECK(s.transcript() == conformance::expected("executors/processpool_cpu_bound"));
}

namespace delivery_iterations {
bool delivered = false;

task<> watcher() {
  co_await asyncio::sleep(1);
  for (int i = 0; i < 4; ++i) {
    print("watcher, iteration " + py_str(i) + " at " + py_str(loop_time()) + ": delivered = " + py_str(delivered));
    co_await asyncio::sleep(0);
  }
}
task<> main() {
  thread_pool_executor pool(1);
  auto w = asyncio::create_task(watcher());
  const int res = co_await run_in_executor(pool, blocking_io, 21);
  delivered = true;
  print("main got", res, "at", loop_time());
  co_await w;
}
}  // namespace delivery_iterations

TEST_CASE("a job's result reaches its awaiter through CPython's chain: timer, call_soon_threadsafe, wake-up") {
  delivery_iterations::delivered = false;
  conformance::scenario s;
  s.run(delivery_iterations::main());
  CHECK(s.transcript() == conformance::expected("executors/delivery_iterations"));
}

namespace wait_for_job_keeps_running {
task<> main() {
  thread_pool_executor pool(1);
  auto first = run_in_executor(pool, blocking_io, 1);
  try {
    co_await asyncio::wait_for(first, 0.5);
  } catch (const asyncio::TimeoutError&) {
    print("timed out at", loop_time(), "| first cancelled:", first.cancelled());
  }
  const int res = co_await run_in_executor(pool, blocking_io, 2);
  print("second job", res, "at", loop_time());
  pool.shutdown();
}
}  // namespace wait_for_job_keeps_running

TEST_CASE("a timeout gives up on a job's future, but the job keeps its worker until its end") {
  conformance::scenario s;
  s.run(wait_for_job_keeps_running::main());
  CHECK(s.transcript() == conformance::expected("executors/wait_for_job_keeps_running"));
}

namespace to_thread_context {
contextvars::context_var<std::string> request("request", "none");

std::string report(std::string label) { return label + ": request = " + request.get(); }
std::string remember(std::string value) {
  request.set(value);
  return "set request = " + value;
}
task<> main() {
  request.set("main's request");
  print(co_await asyncio::to_thread(report, "to_thread"));
  thread_pool_executor pool(1);
  print(co_await run_in_executor(pool, report, "run_in_executor"));
  print(co_await run_in_executor(pool, remember, "job 1's"));
  print(co_await run_in_executor(pool, report, "the same worker, next job"));
  print(co_await asyncio::to_thread(remember, "to_thread's"));
  print("main still sees", request.get());
}
}  // namespace to_thread_context

TEST_CASE("to_thread runs in a copy of the caller's context, run_in_executor in the worker's own") {
  conformance::scenario s;
  contextvars::context().run([&] { s.run(to_thread_context::main()); });
  CHECK(s.transcript() == conformance::expected("executors/to_thread_context"));
}

// ---------------------------------------------------------------- the model itself

TEST_CASE("cpu_bound(n) for n = 0..29 is the list seed 001 printed (CPython's values)") {
  // The seed's output: `processpool elapsed 0.816753625869751 results: [...]`.
  const std::vector<std::int64_t> seed = {
      0,        1000000,  1333333,  1000000,  4000000,  4333330,  3999997,  3000000,  5333329,  9000000,
      7999993,  6333328,  11999989, 10999990, 9333325,  7000000,  15999992, 14333320, 15999981, 13000000,
      17333317, 18999982, 15999996, 12333328, 20000000, 24999976, 21333313, 20999980, 27999993, 24333340};
  for (std::int64_t n = 0; n < 30; ++n) CHECK(cpu_bound_sum(n) == seed[static_cast<std::size_t>(n)]);
}

TEST_CASE("cpu_bound_sum equals the seed's plain loop, with Python's % (sign of the divisor)") {
  auto plain = [](std::int64_t n) {
    const std::int64_t m = n + 1;
    std::int64_t s = 0;
    for (std::int64_t i = 0; i < 2000000; ++i) {
      std::int64_t r = (i * i) % m;
      if (r != 0 && (r < 0) != (m < 0)) r += m;
      s += r;
    }
    return s;
  };
  for (std::int64_t n : {0, 7, 1999999, 2000000, 5000000, -2, -9})
    CHECK_MESSAGE(cpu_bound_sum(n) == plain(n), "n = " << n);
  CHECK(cpu_bound_sum(-9) == -9000000);  // python3 -c "print(sum((i*i) % -8 for i in range(2000000)))"
  CHECK_THROWS_AS(cpu_bound_sum(-1), py_exception);  // ZeroDivisionError
}

namespace {
using testing::job_log;

task<> ten_jobs(thread_pool_executor& pool) {
  std::vector<future_handle<int>> futures;
  for (int i = 0; i < 10; ++i) futures.push_back(run_in_executor(pool, blocking_io, i));
  co_await asyncio::sleep(0.5);
  futures.push_back(run_in_executor(pool, blocking_io, 10));  // worker 0 is free first (at 4.0)
  co_await asyncio::gather(std::move(futures));
}
}  // namespace

TEST_CASE("the observer sees each job's worker, queue time, start and end: the pool lanes") {
  event_loop loop({tie_policy::cpython_heap});
  job_log log;
  loop.set_observer(&log);
  thread_pool_executor pool(3);
  asyncio::run(loop, ten_jobs(pool));
  REQUIRE(log.jobs.size() == 11);
  for (std::size_t i = 0; i < 10; ++i) {
    CHECK(log.jobs[i].pool == pool.id());
    CHECK(log.jobs[i].worker == i % 3);
    CHECK(log.jobs[i].what == "blocking_io");
    CHECK(log.jobs[i].queued == 0.0);
    CHECK(log.jobs[i].start == static_cast<double>(i / 3));
    CHECK(log.jobs[i].end == static_cast<double>(i / 3 + 1));
    CHECK(log.jobs[i].for_task == 1);  // main, Task-1
  }
  // Workers 1 and 2 are free at 3.0, worker 0 (job 9) at 4.0: job 10 takes worker 1 (the first of
  // the two free first) and starts at 3.0.
  CHECK(log.jobs[10].worker == 1);
  CHECK(log.jobs[10].queued == 0.5);
  CHECK(log.jobs[10].start == 3.0);
  CHECK(log.jobs[10].end == 4.0);
  CHECK(loop.time() == 4.0);
}

TEST_CASE("the default executor of a loop gone with a job in flight does not delay a new loop's jobs") {
  auto one_job = []() -> task<> { co_await asyncio::to_thread(blocking_io, 1); };
  {
    event_loop first;
    runner r(first);
    r.start(one_job());
    r.step();  // the job is submitted (it would end at 1.0); the loop is dropped before that
  }
  event_loop second;  // often at the same address: it must not inherit a busy worker
  asyncio::run(second, one_job());
  CHECK(second.time() == 1.0);
  thread_pool_executor pool(2);
  CHECK_THROWS_AS(thread_pool_executor(0), py_exception);  // ValueError: max_workers must be greater than 0
  pool.shutdown();
  event_loop third;
  CHECK_THROWS_AS(asyncio::run(third, [](thread_pool_executor& p) -> task<> {
                    co_await run_in_executor(p, blocking_io, 1);  // RuntimeError: after shutdown
                  }(pool)),
                  py_exception);
}
