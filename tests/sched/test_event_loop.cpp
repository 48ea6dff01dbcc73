// Loop iteration order as CPython's _run_once: what is ready runs FIFO, what it schedules waits an
// iteration, sleep(0) is one trip through the ready queue, timers fire when the clock jumps.
#include <doctest.h>

#include <chrono>
#include <cstdint>
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

namespace {
std::vector<int> ran;
// Records its number; number 0 also schedules number 1000 (for the next iteration).
void numbered(void* arg, bool run) {
  if (!run) return;
  const int n = static_cast<int>(reinterpret_cast<std::intptr_t>(arg));
  ran.push_back(n);
  if (n == 0) event_loop::current()->call_soon({&numbered, reinterpret_cast<void*>(std::intptr_t{1000})});
}
}  // namespace

TEST_CASE("past the page's slice end a batch stops between two callbacks and the next run_once goes on with it") {
  ran.clear();
  event_loop loop;
  for (int i = 0; i < 300; ++i) loop.call_soon({&numbered, reinterpret_cast<void*>(std::intptr_t{i})});
  loop.set_slice_end(std::chrono::steady_clock::now());  // already over: stop at every check
  std::vector<std::size_t> after;
  do {
    loop.run_once();
    after.push_back(ran.size());
    if (loop.mid_iteration()) {
      CHECK_FALSE(loop.idle());
      CHECK(loop.next_event_time() == loop.time());
    }
  } while (loop.mid_iteration());
  // A check every batch_check_interval callbacks; never after the batch's last one.
  static_assert(event_loop::batch_check_interval == 64);
  CHECK(after == std::vector<std::size_t>{64, 128, 192, 256, 300});
  std::vector<int> first_300(300);
  for (int i = 0; i < 300; ++i) first_300[static_cast<std::size_t>(i)] = i;
  CHECK(ran == first_300);  // what callback 0 scheduled waited for the whole batch
  loop.set_slice_end(std::chrono::steady_clock::time_point::max());
  loop.run_once();
  CHECK(ran.size() == 301);
  CHECK(ran.back() == 1000);
  CHECK(loop.idle());
}

TEST_CASE("with no slice end a batch of thousands runs in one iteration") {
  ran.clear();
  event_loop loop;
  for (int i = 0; i < 5000; ++i) loop.call_soon({&numbered, reinterpret_cast<void*>(std::intptr_t{i})});
  loop.run_once();
  CHECK(ran.size() == 5000);
  CHECK_FALSE(loop.mid_iteration());
  loop.run_once();
  CHECK(ran.size() == 5001);
}
