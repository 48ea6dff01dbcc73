// Loop iteration order as CPython's _run_once: what is ready runs FIFO, what it schedules waits an
// iteration, sleep(0) is one trip through the ready queue, timers fire when the clock jumps.
#include <doctest.h>

#include <string>
#include <vector>

#include "sched/asyncio.hpp"

using namespace asyncrace;

namespace {
std::vector<std::string> events;

task<> note_then_yield(std::string name, int yields) {
  for (int i = 0; i < yields; ++i) {
    events.push_back(name + std::to_string(i));
    co_await asyncio::sleep(0);
  }
  events.push_back(name + " done");
}

task<> creator() {
  events.push_back("creator starts");
  auto a = asyncio::create_task(note_then_yield("a", 2));
  auto b = asyncio::create_task(note_then_yield("b", 2));
  events.push_back("creator created both");  // nothing of a or b has run yet
  co_await a;
  co_await b;
  events.push_back("creator done");
}
}  // namespace

TEST_CASE("create_task runs nothing until the creator yields — ready tasks interleave FIFO") {
  events.clear();
  asyncio::run(creator());
  CHECK(events == std::vector<std::string>{"creator starts", "creator created both", "a0", "b0", "a1",
                                        "b1", "a done", "b done", "creator done"});
}

namespace {
task<> sleeper(std::string name, double d) {
  co_await asyncio::sleep(d);
  events.push_back(name);
}
task<> sleep_zero_vs_timers() {
  auto t1 = asyncio::create_task(sleeper("sleep(1e-9)", 1e-9));
  auto t0 = asyncio::create_task(sleeper("sleep(0)", 0));
  auto tn = asyncio::create_task(sleeper("sleep(-1)", -1));
  co_await t1;
  co_await t0;
  co_await tn;
}
}  // namespace

TEST_CASE("sleep(0) and negative sleeps create no timer and run before even sleep(1e-9)") {
  events.clear();
  asyncio::run(sleep_zero_vs_timers());
  CHECK(events == std::vector<std::string>{"sleep(0)", "sleep(-1)", "sleep(1e-9)"});
}

namespace {
task<double> clock_after(double d) {
  co_await asyncio::sleep(d);
  co_return event_loop::current()->time();
}
}  // namespace

TEST_CASE("the virtual clock jumps exactly to the deadline, and never sleeps for real") {
  event_loop loop;
  CHECK(asyncio::run(loop, clock_after(3600.0)) == 3600.0);
  CHECK(loop.time() == 3600.0);
  CHECK(asyncio::run(loop, clock_after(0.1)) == 3600.1);
}

namespace {
task<> blocks_then_sleeps() {
  blocking_sleep(2.0);  // time.sleep(2) inside a coroutine
  events.push_back("blocked until " + py_str(event_loop::current()->time()));
  co_await asyncio::sleep(1);
}
task<> overdue() {
  co_await asyncio::sleep(0.5);
  events.push_back("woke at " + py_str(event_loop::current()->time()));
}
task<> blocking_main() {
  auto a = asyncio::create_task(overdue());
  auto b = asyncio::create_task(blocks_then_sleeps());
  co_await a;
  co_await b;
}
}  // namespace

TEST_CASE("a blocking sleep advances the clock without running the loop — overdue timers fire after") {
  events.clear();
  asyncio::run(blocking_main());
  CHECK(events == std::vector<std::string>{"blocked until 2.0", "woke at 2.0"});
}

namespace {
task<> waits_forever(future_state<int>* f) { co_await future_awaiter<int>{f, {}}; }
}  // namespace

TEST_CASE("a run with nothing ready and no timer reports a deadlock naming the tasks, never hangs") {
  event_loop loop;
  auto* f = new future_state<int>(loop);
  CHECK_THROWS_WITH_AS(asyncio::run(loop, waits_forever(f)),
                       doctest::Contains("Task-1 (waits_forever) awaits a future nobody completes"),
                       deadlock_error);
  f->release();
}

TEST_CASE("next_event_time: now while callbacks are ready, then the next deadline, then infinity") {
  event_loop loop;
  auto main = create_task(loop, clock_after(2.0));
  CHECK(loop.next_event_time() == 0.0);
  loop.run_once();  // main's first step: schedules the 2 s timer
  CHECK(loop.next_event_time() == 2.0);
  loop.run_once();  // clock jumps, timer fires, future done
  loop.run_once();  // main wakes and returns
  CHECK(main.done());
  CHECK(main.result() == 2.0);
  CHECK(loop.idle());
}
