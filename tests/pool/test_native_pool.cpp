// The native real pool (src/pool): jobs really run on std::thread workers and come back through
// the event loop. No test sleeps for long, and none asserts on a duration: parallelism is shown by
// a rendezvous two jobs can only pass together, and by their reported intervals overlapping.
#include <doctest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "pool/native_pool.hpp"
#include "pool/real_executors.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/catalog.hpp"
#include "tutorials/cpu_tasks.hpp"
#include "tutorials/session.hpp"
#include "job_log.hpp"

using namespace asyncrace;
using pool::native_pool;

namespace {
// Bounded waits, so that a broken pool fails a test instead of hanging it.
bool wait_until(const std::atomic<bool>& flag) {
  for (int i = 0; i < 10000 && !flag.load(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return flag.load();
}

using testing::job_log;

int blocking_io(job_context& job, int x) {
  job.sleep(0.002);  // a real 2 ms time.sleep on the worker
  return x * 2;
}
}  // namespace

TEST_CASE("pool: cpu_bound's real loop gives CPython's values, run on workers, results in submission order") {
  const std::vector<std::int64_t> seed = {0,       1000000, 1333333, 1000000,  4000000,
                                          4333330, 3999997, 3000000, 5333329,  9000000};
  event_loop loop;
  native_pool pool(2);
  CHECK(pool.workers() == 2);
  std::vector<std::int64_t> got;
  asyncio::run(loop, [](native_pool& p, std::vector<std::int64_t>& out) -> task<> {
    std::vector<future_handle<std::int64_t>> fs;
    for (int i = 0; i < 10; ++i) fs.push_back(run_in_executor(p, cpu_tasks::cpu_bound, std::int64_t{i}));
    out = co_await asyncio::gather(std::move(fs));
  }(pool, got));
  CHECK(got == seed);
  for (std::int64_t n : {0, 5, 29, -9}) CHECK(cpu_bound_loop(n) == cpu_bound_sum(n));
  CHECK(pool.idle());
}

TEST_CASE("pool: a job runs on a worker thread, its result reaches the awaiter on the loop's thread, in order") {
  event_loop loop;
  native_pool pool(1);
  const auto loop_thread = std::this_thread::get_id();
  std::vector<std::thread::id> ran_on(5);
  std::vector<int> order;
  bool all_on_loop_thread = true;
  auto one = [&](int i) -> task<> {
    const int r = co_await run_in_executor(pool, [&ran_on, i] {
      ran_on[static_cast<std::size_t>(i)] = std::this_thread::get_id();
      return i;
    });
    all_on_loop_thread = all_on_loop_thread && std::this_thread::get_id() == loop_thread;
    order.push_back(r);
  };
  asyncio::run(loop, [&]() -> task<> {
    std::vector<task<>> ts;
    for (int i = 0; i < 5; ++i) ts.push_back(one(i));
    co_await asyncio::gather(std::move(ts));
  }());
  CHECK(all_on_loop_thread);
  CHECK(order == std::vector<int>{0, 1, 2, 3, 4});  // one worker: FIFO, delivered through the loop
  for (auto id : ran_on) CHECK(id != loop_thread);
  CHECK(ran_on[0] == ran_on[4]);  // the worker is reused
}

TEST_CASE("pool: two jobs on two workers really overlap, and their lanes show it") {
  event_loop loop;
  job_log log;
  loop.set_observer(&log);
  native_pool pool(2);
  std::atomic<int> arrived{0};
  std::atomic<bool> both{false};
  // Each job waits until the other has started: they can only both return if they ran together.
  auto rendezvous = [&](job_context& job) {
    job.spend(0);  // names the job
    if (arrived.fetch_add(1) + 1 == 2) both = true;
    return wait_until(both);
  };
  std::vector<bool> met;
  asyncio::run(loop, [&]() -> task<> {
    std::vector<future_handle<bool>> fs;
    fs.push_back(run_in_executor(pool, rendezvous));
    fs.push_back(run_in_executor(pool, rendezvous));
    met = co_await asyncio::gather(std::move(fs));
  }());
  CHECK(met == std::vector<bool>{true, true});
  REQUIRE(log.jobs.size() == 2);
  const auto& a = log.jobs[0];
  const auto& b = log.jobs[1];
  CHECK(a.pool == pool.id());
  CHECK(a.worker != b.worker);
  CHECK(a.start <= b.end);  // the intervals overlap
  CHECK(b.start <= a.end);
  for (const auto& j : log.jobs) {
    CHECK(j.queued <= j.start);
    CHECK(j.start <= j.end);
    CHECK(j.end <= loop.time());
    CHECK(j.for_task == 1);
    CHECK(j.what == "operator()");
  }
}

TEST_CASE("pool: a job that throws delivers its exception to the awaiting coroutine, and the pool goes on") {
  event_loop loop;
  native_pool pool(1);
  std::string caught;
  int after = 0;
  asyncio::run(loop, [&]() -> task<> {
    try {
      co_await run_in_executor(pool, [](int x) -> int { throw py_exception("ValueError", "bad x " + std::to_string(x)); }, 7);
    } catch (const py_exception& e) {
      caught = e.python_text();
    }
    after = co_await run_in_executor(pool, blocking_io, 21);
  }());
  CHECK(caught == "ValueError: bad x 7");
  CHECK(after == 42);
}

TEST_CASE("pool: a worker that dies fails its job with BrokenProcessPool and is replaced") {
  event_loop loop;
  native_pool pool(1);
  std::string caught;
  int queued_behind = 0, later = 0;
  asyncio::run(loop, [&]() -> task<> {
    auto dies = run_in_executor(pool, [](job_context& job) -> int { job.terminate_worker(); });
    auto behind = run_in_executor(pool, blocking_io, 1);  // queued while the worker dies
    try {
      co_await dies;
    } catch (const py_exception& e) {
      caught = e.python_text();
    }
    queued_behind = co_await behind;
    later = co_await run_in_executor(pool, blocking_io, 2);
  }());
  CHECK(caught ==
        "BrokenProcessPool: A process in the process pool was terminated abruptly while the future was running or "
        "pending.");
  CHECK(queued_behind == 2);
  CHECK(later == 4);
  CHECK(pool.replaced_workers() == 1);
  CHECK(pool.workers() == 1);
}

TEST_CASE("pool: wait_for abandons a hanging job with TimeoutError, and the worker is recycled once it returns") {
  event_loop loop;
  native_pool pool(1);
  std::atomic<bool> release{false}, hang_returned{false};
  bool timed_out = false, cancelled = false;
  int next = 0;
  asyncio::run(loop, [&]() -> task<> {
    auto hung = run_in_executor(pool, [&] {
      wait_until(release);  // hangs until the test lets it go
      hang_returned = true;
      return 0;
    });
    try {
      co_await asyncio::wait_for(hung, 0.005);  // a real 5 ms: the loop waits on the wall clock
    } catch (const asyncio::TimeoutError&) {
      timed_out = true;
    }
    cancelled = hung.cancelled();
    release = true;
    next = co_await run_in_executor(pool, blocking_io, 5);  // the same worker, after the hung job
  }());
  CHECK(timed_out);
  CHECK(cancelled);
  CHECK(hang_returned);
  CHECK(next == 10);
}

TEST_CASE("pool: a loop given real executors makes ThreadPoolExecutor, ProcessPoolExecutor and to_thread real") {
  pool::native_executors real(2);
  event_loop loop({.executors = &real});
  bool thread_real = false, process_real = false;
  std::thread::id to_thread_on;
  std::vector<int> res;
  asyncio::run(loop, [&]() -> task<> {
    thread_pool_executor tp;
    process_pool_executor pp;
    thread_real = tp.real();
    process_real = pp.real();
    std::vector<future_handle<int>> fs;
    for (int i = 0; i < 3; ++i) fs.push_back(run_in_executor(tp, blocking_io, i));
    res = co_await asyncio::gather(std::move(fs));
    to_thread_on = co_await asyncio::to_thread([] { return std::this_thread::get_id(); });
    tp.shutdown();
    pp.shutdown();
  }());
  CHECK(thread_real);
  CHECK(process_real);
  CHECK(res == std::vector<int>{0, 2, 4});
  CHECK(to_thread_on != std::this_thread::get_id());
  CHECK_THROWS_AS(thread_pool_executor(0), py_exception);  // ValueError either way
}

namespace {
contextvars::context_var<std::string> request("request", "none");
}

TEST_CASE("pool: to_thread on a real worker runs in a copy of the caller's context") {
  pool::native_executors real(2);
  event_loop loop({.executors = &real});
  std::string seen, after;
  contextvars::context().run([&] {
    asyncio::run(loop, [&]() -> task<> {
      request.set("main's");
      seen = co_await asyncio::to_thread([] {
        const std::string was = request.get();
        request.set("the thread's");  // stays in the copy
        return was;
      });
      after = request.get();
    }());
  });
  CHECK(seen == "main's");
  CHECK(after == "main's");
}

TEST_CASE("pool: a session in real mode prints the same results as in virtual mode") {
  // 30 real cpu_bound calls (each the seed's 2,000,000-step loop), compared by their results.
  const tutorials::tutorial* t = tutorials::find("processpool_cpu_bound");
  REQUIRE_MESSAGE(t != nullptr, "seed 001 is not built (ASYNCRACE_TUTORIAL_SEEDS)");
  auto last_line = [&](tutorials::executor_mode mode) {
    tutorials::run_options o;
    o.executors = mode;
    o.workers = 2;
    tutorials::session s(*t, o);
    s.run_to_end();
    CHECK_MESSAGE(s.error().empty(), s.error());
    REQUIRE(!s.trace().lines().empty());
    const std::string text = s.trace().lines().back().text;
    return text.substr(text.find("results:"));  // "processpool elapsed <time> results: [...]"
  };
  CHECK(last_line(tutorials::executor_mode::real) == last_line(tutorials::executor_mode::virtual_workers));
  tutorials::run_options bad;
  bad.workers = 10000;
  CHECK_FALSE(tutorials::validate(bad).empty());
}
