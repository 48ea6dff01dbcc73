// Every coroutine frame is destroyed exactly once: finished, failed, never awaited, and dropped
// unfinished when the loop goes away (cppcoro's `counted` idea: count what each frame owns).
#include <doctest.h>

#include <stdexcept>

#include "sched/asyncio.hpp"

using namespace asyncrace;

namespace {
struct counted {
  static inline int alive = 0;
  static inline int created = 0;
  counted() { ++alive, ++created; }
  counted(const counted&) { ++alive, ++created; }
  ~counted() { --alive; }
};

task<int> leaf(counted, double d) {
  counted local;
  co_await asyncio::sleep(d);
  co_return 1;
}
task<int> failing(counted) {
  counted local;
  co_await asyncio::sleep(0.1);
  throw std::runtime_error("fails");
}
task<int> tree() {
  counted local;
  auto [a, b] = co_await asyncio::gather(leaf({}, 0.2), leaf({}, 0.1));
  try {
    co_await failing({});
  } catch (const std::runtime_error&) {
  }
  co_return a + b;
}
task<> forgets() {
  counted local;
  (void)leaf({}, 1.0);  // created, never awaited: destroyed at once
  co_return;
}
task<> leaves_tasks_behind() {
  counted local;
  asyncio::create_task(leaf({}, 100.0));
  asyncio::create_task(leaf({}, 200.0));
  co_await asyncio::sleep(1);
}
}  // namespace

TEST_CASE("finished and failed frames are destroyed exactly once") {
  counted::alive = counted::created = 0;
  CHECK(asyncio::run(tree()) == 2);
  CHECK(counted::created > 5);
  CHECK(counted::alive == 0);
}

TEST_CASE("a never-awaited coroutine's frame is destroyed with it") {
  counted::alive = counted::created = 0;
  asyncio::run(forgets());
  CHECK(counted::created >= 3);
  CHECK(counted::alive == 0);
}

TEST_CASE("tasks still pending when the loop is destroyed have their frames destroyed once") {
  counted::alive = counted::created = 0;
  {
    event_loop loop;
    auto main = create_task(loop, leaves_tasks_behind());
    loop.run_until_done(main.state());  // run_until_complete: no shutdown, the two stay pending
    CHECK(loop.pending_tasks() == 2);
    CHECK(counted::alive > 0);
  }
  CHECK(counted::alive == 0);
}

namespace {
task<> fails_soon(counted) {
  co_await asyncio::sleep(0.1);
  throw std::runtime_error("first");
}
task<> gather_fails_early() {
  try {
    co_await asyncio::gather(leaf({}, 5.0), fails_soon({}), leaf({}, 9.0));
  } catch (const std::runtime_error&) {
  }
}
}  // namespace

TEST_CASE("a gather that failed early and its still-pending children are freed with the loop") {
  // The gather's callbacks on its pending children own references to it (CPython leaves this
  // cycle to its GC); tearing the loop down must release them.
  counted::alive = counted::created = 0;
  {
    event_loop loop;
    auto main = create_task(loop, gather_fails_early());
    loop.run_until_done(main.state());
    CHECK(loop.pending_tasks() == 2);
  }
  CHECK(counted::created >= 3);
  CHECK(counted::alive == 0);
}

TEST_CASE("asyncio.run cancels the tasks main left behind and runs them to their end") {
  counted::alive = counted::created = 0;
  event_loop loop;
  asyncio::run(loop, leaves_tasks_behind());
  CHECK(loop.pending_tasks() == 0);
  CHECK(loop.time() == 1.0);  // cancelled at t = 1, not slept until 100 and 200
  CHECK(counted::alive == 0);
}
