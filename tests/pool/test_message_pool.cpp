// The message pool (src/pool/message_pool.hpp): the page's Web Worker pool without the browser.
// An in-process transport stands in for web_pool.js: it keeps the messages the pool posts, and
// "the worker" answers one when the test says so, running it exactly as asyncrace_worker.js does
// (job_wire's run_call on a real job_context). So every path of the pool — dispatch, lanes, the
// loop never waiting, results, raised exceptions, dead and hung workers, a run's end — runs here,
// natively and under node; the real Web Workers are tested in Chromium (tests/web).
#include <doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "asyncio/job_wire.hpp"
#include "asyncio/runner.hpp"
#include "pool/message_pool.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/cpu_tasks.hpp"
#include "job_log.hpp"

using namespace asyncrace;
using pool::message_executors;
using pool::message_workers;

namespace {

int twice(job_context& job, int x) {
  job.sleep(0);  // names the job "twice"
  return 2 * x;
}
ASYNCRACE_WORKER_FUNCTION("test.twice", twice);

std::string greet(const std::string& name, bool loud, double times) {
  std::string s = "hello " + name + " x" + std::to_string(static_cast<int>(times));
  return loud ? s + "!" : s;
}
ASYNCRACE_WORKER_FUNCTION("test.greet", greet);

int raises(int x) { throw py_exception("ValueError", "bad x: " + std::to_string(x)); }
ASYNCRACE_WORKER_FUNCTION("test.raises", raises);

int dies(job_context& job) { job.terminate_worker(); }
ASYNCRACE_WORKER_FUNCTION("test.dies", dies);

int hangs(int x) { return x; }  // the stand-in worker never answers it
ASYNCRACE_WORKER_FUNCTION("test.hangs", hangs);

// web_pool.js, in process.
struct page_transport final : pool::transport {
  struct posted {
    int slot;
    std::uint32_t serial;
    std::string call;
  };
  std::deque<posted> inbox;  // posted, not yet answered
  std::vector<int> started, terminated;

  void start(int slot) override { started.push_back(slot); }
  void post(int slot, std::uint32_t serial, std::string_view call) override {
    inbox.push_back({slot, serial, std::string(call)});
  }
  void terminate(int slot) override {
    terminated.push_back(slot);
    std::erase_if(inbox, [&](const posted& p) { return p.slot == slot; });  // its work is gone
  }
  double wall_ms() const override {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
  }

  // The oldest answerable message is run by its worker, which answers (or dies, as
  // asyncrace_worker.js does when its job called terminate_worker). False when none is left.
  bool answer_one(message_workers& w) {
    for (auto it = inbox.begin(); it != inbox.end(); ++it) {
      if (wire::call_name(it->call) == "test.hangs") continue;
      const posted p = *it;
      inbox.erase(it);
      const double start = wall_ms();
      job_context job(job_context::real_worker{}, 0.0, std::chrono::steady_clock::now());
      const std::string outcome = wire::run_call(p.call, job);
      if (wire::outcome_ending(outcome) == wire::ending::worker_died)
        w.failed(p.slot);  // the worker's error event
      else
        w.reply(p.slot, p.serial, pool::reply_message(start, wall_ms(), outcome));
      return true;
    }
    return false;
  }
};

// The page's frame loop in miniature: iterate the loop; whenever it waits for the workers,
// let one answer (and run the 50 ms watch for abandoned jobs). Never blocks: a loop whose work
// hands back between iterations must not wait.
template <class T>
T drive(event_loop& loop, page_transport& t, message_workers& w, task<T> main) {
  runner r(loop);
  task_handle<T> h = r.start(std::move(main));
  for (long i = 0; i < 10000000 && !r.finished(); ++i) {
    if (loop.waiting_for_external()) {
      w.recycle_abandoned();
      t.answer_one(w);
    } else {
      r.step();
    }
  }
  REQUIRE(r.finished());
  return h.result();
}

struct rig {
  page_transport transport;
  message_workers workers{transport};
  testing::job_log log;
};

}  // namespace

TEST_CASE("job wire: values travel as tagged messages and come back exactly, mismatches are errors") {
  wire::writer w;
  w.put(true);
  w.put(-7);
  w.put(std::int64_t{1} << 40);
  w.put(0.145);
  w.put(std::string("héllo\0x", 8));
  wire::reader r(w.bytes());
  CHECK(r.get<bool>() == true);
  CHECK(r.get<int>() == -7);
  CHECK(r.get<std::int64_t>() == std::int64_t{1} << 40);
  CHECK(r.get<double>() == 0.145);
  CHECK(r.get<std::string>() == std::string("héllo\0x", 8));
  CHECK(r.empty());

  wire::writer big;
  big.put(std::int64_t{1} << 40);
  wire::reader narrow(big.bytes());
  CHECK_THROWS_AS(narrow.get<int>(), wire::wire_error);  // out of an int's range
  wire::reader wrong(big.bytes());
  CHECK_THROWS_AS(wrong.get<std::string>(), wire::wire_error);
  wire::writer text;
  text.put("abcdef");
  const std::string cut = text.bytes().substr(0, text.bytes().size() - 3);
  wire::reader shortened(cut);
  CHECK_THROWS_AS(shortened.get<std::string>(), wire::wire_error);  // a string cut short
  CHECK_THROWS_AS(wire::read_outcome("garbage"), wire::wire_error);
  CHECK(wire::find_name("test.twice") != nullptr);
  CHECK(wire::find_name("cpu_tasks.cpu_bound") != nullptr);
  CHECK(wire::find_name("no.such.function") == nullptr);
}

TEST_CASE("job wire: a call runs on the worker's side as a message, unknown names and bad arguments say so") {
  wire::writer call;
  call.put("test.greet");
  call.put("ada");
  call.put(true);
  call.put(3.0);
  job_context job(job_context::real_worker{}, 0.0, std::chrono::steady_clock::now());
  wire::outcome out = wire::read_outcome(wire::run_call(call.bytes(), job));
  CHECK(out.how == wire::ending::returned);
  CHECK(wire::reader(out.payload).get<std::string>() == "hello ada x3!");

  wire::writer unknown;
  unknown.put("test.nobody");
  out = wire::read_outcome(wire::run_call(unknown.bytes(), job));
  REQUIRE(out.how == wire::ending::raised);
  wire::reader why(out.payload);
  CHECK(why.get<std::string>() == "RuntimeError");
  CHECK(why.get<std::string>() == "job message: no worker function named test.nobody");

  wire::writer bad;  // greet takes a string first
  bad.put("test.greet");
  bad.put(5);
  out = wire::read_outcome(wire::run_call(bad.bytes(), job));
  REQUIRE(out.how == wire::ending::raised);
  wire::reader mismatch(out.payload);
  CHECK(mismatch.get<std::string>() == "RuntimeError");
  CHECK(mismatch.get<std::string>() == "job message: expected a string");
}

TEST_CASE("message pool: jobs run as messages on the lanes, results in submission order, the loop never waits") {
  rig r;
  message_executors factory(r.workers, 2);
  event_loop loop(loop_options{.executors = &factory});
  loop.set_observer(&r.log);
  CHECK(r.transport.started == std::vector<int>{0, 1});  // started ahead of the first job
  const std::vector<std::int64_t> got = drive(loop, r.transport, r.workers, [](const executor_factory& f) -> task<std::vector<std::int64_t>> {
    std::unique_ptr<executor> pool = f.make(pool_kind::process, 8);
    std::vector<future_handle<std::int64_t>> fs;
    for (int i = 0; i < 6; ++i) fs.push_back(run_in_executor(*pool, cpu_tasks::cpu_bound, i));
    co_return co_await asyncio::gather(std::move(fs));
  }(factory));
  std::vector<std::int64_t> want;
  for (int i = 0; i < 6; ++i) want.push_back(cpu_bound_sum(i));
  CHECK(got == want);
  REQUIRE(r.log.jobs.size() == 6);
  int on_second = 0;
  for (const auto& j : r.log.jobs) {
    CHECK(j.what == "cpu_bound");
    CHECK(j.worker < 2);  // min(8 asked, 2 workers) lanes
    CHECK(j.queued <= j.start);
    CHECK(j.start <= j.end);
    on_second += j.worker == 1;
  }
  CHECK(on_second > 0);  // both lanes were used
  CHECK(r.workers.busy() == 0);
  CHECK(loop.external_pending() == 0);
}

TEST_CASE("message pool: a job's exception reaches its awaiter with its Python type and message") {
  rig r;
  message_executors factory(r.workers, 1);
  event_loop loop(loop_options{.executors = &factory});
  const std::string caught = drive(loop, r.transport, r.workers, [](const executor_factory& f) -> task<std::string> {
    std::unique_ptr<executor> pool = f.make(pool_kind::thread, 4);
    try {
      co_await run_in_executor(*pool, raises, 7);
    } catch (const py_exception& e) {
      co_return e.python_text();
    }
    co_return "nothing raised";
  }(factory));
  CHECK(caught == "ValueError: bad x: 7");
}

TEST_CASE("message pool: a worker that dies fails its job with BrokenProcessPool, is replaced, the pool goes on") {
  rig r;
  message_executors factory(r.workers, 1);
  event_loop loop(loop_options{.executors = &factory});
  const std::string seen = drive(loop, r.transport, r.workers, [](const executor_factory& f) -> task<std::string> {
    std::unique_ptr<executor> pool = f.make(pool_kind::process, 1);
    auto doomed = run_in_executor(*pool, dies);
    auto after = run_in_executor(*pool, twice, 21);  // queued behind it, on the same lane
    std::string s;
    try {
      co_await doomed;
      s = "no error";
    } catch (const py_exception& e) {
      s = e.type();
    }
    co_return s + " then " + std::to_string(co_await after);
  }(factory));
  CHECK(seen == "BrokenProcessPool then 42");
  CHECK(r.transport.terminated == std::vector<int>{0});
  CHECK(r.transport.started == std::vector<int>{0, 0});  // a fresh worker in slot 0
  CHECK(r.workers.replaced() == 1);
}

TEST_CASE("message pool: wait_for abandons a hung job, its worker is recycled, a late answer is ignored") {
  rig r;
  message_executors factory(r.workers, 1);
  event_loop loop(loop_options{.executors = &factory});
  const std::string seen = drive(loop, r.transport, r.workers, [](const executor_factory& f) -> task<std::string> {
    std::unique_ptr<executor> pool = f.make(pool_kind::process, 1);
    std::string s;
    try {
      co_await asyncio::wait_for(run_in_executor(*pool, hangs, 1), 0.005);
      s = "answered";
    } catch (const timeout_error&) {
      s = "TimeoutError";
    }
    co_return s + " then " + std::to_string(co_await run_in_executor(*pool, twice, 5));
  }(factory));
  CHECK(seen == "TimeoutError then 10");
  CHECK(r.transport.terminated == std::vector<int>{0});  // the hung worker, stopped
  CHECK(r.workers.replaced() == 1);
  // The first worker's answer, arriving after all: serial 1 is not what slot 0 runs now.
  r.workers.reply(0, 1, pool::reply_message(0, 0, wire::raised_outcome("ValueError", "late")));
  r.workers.reply(5, 1, "");  // no such worker
  CHECK(r.workers.busy() == 0);
}

TEST_CASE("message pool: a call with no message form fails with a message saying why") {
  rig r;
  message_executors factory(r.workers, 1);
  event_loop loop(loop_options{.executors = &factory});
  const std::string seen = drive(loop, r.transport, r.workers, [](const executor_factory& f) -> task<std::string> {
    std::unique_ptr<executor> pool = f.make(pool_kind::thread, 1);
    try {
      co_await run_in_executor(*pool, [] { return 3; });  // a lambda: not a registered worker function
    } catch (const py_exception& e) {
      co_return e.python_text();
    }
    co_return "ran";
  }(factory));
  CHECK(seen.starts_with("RuntimeError: this call cannot run on a Web Worker"));
  CHECK(r.transport.inbox.empty());
}

TEST_CASE("message pool: a run that ends with jobs out drops them and recycles the busy workers") {
  rig r;
  {
    auto factory = std::make_unique<message_executors>(r.workers, 2);
    event_loop loop(loop_options{.executors = factory.get()});
    runner run(loop);
    run.start([](const executor_factory& f) -> task<> {
      std::unique_ptr<executor> pool = f.make(pool_kind::process, 2);
      std::vector<future_handle<int>> fs;
      for (int i = 0; i < 7; ++i) fs.push_back(run_in_executor(*pool, hangs, i));
      co_await asyncio::gather(std::move(fs));
    }(*factory));
    while (!loop.waiting_for_external()) run.step();
    CHECK(r.workers.busy() == 2);
    CHECK(r.transport.inbox.size() == 6);  // two running, two posted behind each, one queued
  }  // the run's end: loop first, then its factory
  CHECK(r.workers.busy() == 0);
  CHECK_FALSE(r.workers.any_jobs());
  CHECK(r.transport.terminated.size() == 2);
  CHECK(r.workers.replaced() == 2);
}

namespace {

// Answers the oldest job posted to `slot` as if its worker took `ms` to run it.
void answer_taking(rig& r, int slot, double ms) {
  auto it = std::find_if(r.transport.inbox.begin(), r.transport.inbox.end(),
                         [&](const page_transport::posted& p) { return p.slot == slot; });
  REQUIRE(it != r.transport.inbox.end());
  const page_transport::posted p = *it;
  r.transport.inbox.erase(it);
  job_context job(job_context::real_worker{}, 0.0, std::chrono::steady_clock::now());
  const std::string outcome = wire::run_call(p.call, job);
  const double end = r.transport.wall_ms();
  r.workers.reply(p.slot, p.serial, pool::reply_message(end - ms, end, outcome));
}

// A run on 2 workers that submits `hangs` jobs of test.hangs, then `twices` of test.twice, and is
// stepped until it waits for them (destroyed loop first, then its factory, as a run's end is).
struct jobs_out {
  rig r;
  std::unique_ptr<message_executors> factory = std::make_unique<message_executors>(r.workers, 2);
  event_loop loop{loop_options{.executors = factory.get()}};
  runner run{loop};

  jobs_out(int hangs_jobs, int twice_jobs) {
    run.start([](const executor_factory& f, int h, int t) -> task<> {
      std::unique_ptr<executor> pool = f.make(pool_kind::process, 2);
      std::vector<future_handle<int>> fs;
      for (int i = 0; i < h; ++i) fs.push_back(run_in_executor(*pool, hangs, i));
      for (int i = 0; i < t; ++i) fs.push_back(run_in_executor(*pool, twice, i));
      co_await asyncio::gather(std::move(fs));
    }(*factory, hangs_jobs, twice_jobs));
    while (!loop.waiting_for_external()) run.step();
  }
};

// Jobs posted to each worker once one job of `ms` came back (60 queued on 2 workers).
std::size_t posted_after_a_job_of(double ms) {
  jobs_out run(60, 0);
  rig& r = run.r;
  CHECK(r.transport.inbox.size() == 6);  // before any job came back: 3 a worker
  answer_taking(r, 0, ms);
  const auto on = [&](int slot) {
    return static_cast<std::size_t>(std::count_if(r.transport.inbox.begin(), r.transport.inbox.end(),
                                                  [&](const page_transport::posted& p) { return p.slot == slot; }));
  };
  CHECK(on(0) == on(1));
  return on(0);
}

}  // namespace

TEST_CASE("message pool: each worker has as many jobs posted as cover 100 ms of the jobs measured so far, 3 to 24") {
  CHECK(posted_after_a_job_of(120.0) == 3);  // long jobs wait in the shared queue
  CHECK(posted_after_a_job_of(50.0) == 3);   // ceil(100 / 50) + 1
  CHECK(posted_after_a_job_of(20.0) == 6);
  CHECK(posted_after_a_job_of(6.0) == 18);   // the page's 30 x cpu_bound: ~6 ms a job
  CHECK(posted_after_a_job_of(0.5) == 24);   // at most 24
}

TEST_CASE("message pool: a function whose jobs were never measured gets 3 a worker, whatever others took") {
  jobs_out run(20, 40);
  rig& r = run.r;
  CHECK(r.transport.inbox.size() == 6);
  answer_taking(r, 0, 6.0);  // hangs: 18 a worker from now on
  // The other 19 of hangs are posted (room for 36); twice, never measured, waits behind them
  // (each worker has more than 3). One average for every function would post 17 of twice too.
  CHECK(r.transport.inbox.size() == 19);
  CHECK(std::none_of(r.transport.inbox.begin(), r.transport.inbox.end(),
                     [](const page_transport::posted& p) { return wire::call_name(p.call) == "test.twice"; }));
}

TEST_CASE("message pool: a loop whose work hands back between iterations refuses to block for it") {
  rig r;
  message_executors factory(r.workers, 1);
  event_loop loop(loop_options{.executors = &factory});
  auto main = [](const executor_factory& f) -> task<int> {
    std::unique_ptr<executor> pool = f.make(pool_kind::thread, 1);
    co_return co_await run_in_executor(*pool, twice, 1);
  };
  // run_until_complete would wait for the worker forever (in the browser nothing can arrive while
  // it blocks): it says so instead of hanging.
  CHECK_THROWS_AS(asyncio::run(loop, main(factory)), std::logic_error);
  CHECK(loop.waiting_for_external());
  CHECK(r.transport.answer_one(r.workers));  // the answer arrives between iterations after all
  CHECK_FALSE(loop.waiting_for_external());
}
