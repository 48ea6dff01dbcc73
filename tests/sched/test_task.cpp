// task<T>: lazy, values and exceptions travel through co_await, and awaiting never nests stacks.
#include <doctest.h>

#include <cstdint>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#ifndef __EMSCRIPTEN__
#include <thread>
#endif
#include <vector>

#include "loop/coro_names.hpp"
#include "loop/kept_exceptions.hpp"
#include "pyrt/py_exception.hpp"
#include "sched/asyncio.hpp"

using namespace asyncrace;

namespace {
int steps_run = 0;

task<int> add_one(int x) {
  ++steps_run;
  co_return x + 1;
}

task<int> chain(int depth) {
  if (depth == 0) co_return 0;
  co_return co_await chain(depth - 1) + 1;
}

task<> fails(std::string message) {
  co_await asyncio::sleep(0.25);
  throw py_exception("ValueError", message);
}

task<std::string> catches_inline() {
  try {
    co_await fails("inline");
  } catch (const py_exception& e) {
    co_return e.python_text() + " caught at t=" + py_str(event_loop::current()->time());
  }
  co_return "not raised";
}

task<std::string> catches_from_task() {
  auto t = asyncio::create_task(fails("in a task"));
  try {
    co_await t;
  } catch (const py_exception& e) {
    co_return e.python_text();
  }
  co_return "not raised";
}
}  // namespace

TEST_CASE("a task<T> is lazy: creating one runs nothing") {
  steps_run = 0;
  {
    event_loop loop;
    task<int> t = add_one(1);
    CHECK(steps_run == 0);
    CHECK(asyncio::run(loop, std::move(t)) == 2);
  }
  CHECK(steps_run == 1);
}

TEST_CASE("values come back through co_await") {
  CHECK(asyncio::run(add_one(41)) == 42);
}

TEST_CASE("a chain of 100000 awaits runs on the trampoline without growing the stack") {
  // Nested resumption would need ~100000 native frames, several times the 5 MiB wasm stack.
  CHECK(asyncio::run(chain(100000)) == 100000);
}

TEST_CASE("an exception is stored and rethrown at co_await, inline and through a task") {
  CHECK(asyncio::run(catches_inline()) == "ValueError: inline caught at t=0.25");
  CHECK(asyncio::run(catches_from_task()) == "ValueError: in a task");
}

TEST_CASE("an uncaught exception leaves asyncio.run") {
  CHECK_THROWS_WITH_AS(asyncio::run(fails("out")), "out", py_exception);
}

namespace {
task<int> returns_at_once() { co_return 7; }
task<int> awaits_done_task() {
  auto t = asyncio::create_task(returns_at_once());
  co_await asyncio::sleep(1);
  CHECK(t.done());
  const double before = event_loop::current()->time();
  int v = co_await t;  // finished: no suspension, no iteration
  CHECK(event_loop::current()->time() == before);
  co_return v + co_await t;  // awaiting twice gives the same result
}
}  // namespace

TEST_CASE("awaiting a finished task returns its result at once, as often as asked") {
  CHECK(asyncio::run(awaits_done_task()) == 14);
}

namespace {
task<> nap(double d) { co_await asyncio::sleep(d); }
task<std::string> times_out_or_not() {
  co_await asyncio::wait_for(nap(0.5), 1.0);  // a void coroutine: its result is None
  try {
    co_await asyncio::wait_for(nap(5), 1.0);
  } catch (const asyncio::TimeoutError&) {
    co_return "timed out at " + py_str(event_loop::current()->time());
  }
  co_return "no timeout";
}
}  // namespace

TEST_CASE("wait_for on a coroutine that returns nothing") {
  CHECK(asyncio::run(times_out_or_not()) == "timed out at 1.5");
}

namespace {
// 1200 tasks sleeping 1..1200 s, created in a shuffled order of deadlines: they finish in an
// order unlike their creation, and the registry squeezes its holes out twice on the way.
task<std::string> unfinished_in_creation_order() {
  event_loop& loop = *event_loop::current();
  std::vector<task_handle<>> tasks;
  for (int i = 0; i < 1200; ++i) tasks.push_back(asyncio::create_task(nap((i * 97) % 1200 + 1)));
  std::string seen;
  for (double t = 0.5; t < 1200; t += 100) {
    co_await asyncio::sleep(t - loop.time());
    // Every task still listed is unfinished, listed once, and in creation (id) order.
    std::vector<task_driver*> left = loop.unfinished_tasks();
    std::size_t expected = 0;
    for (const task_handle<>& h : tasks) expected += h.done() ? 0 : 1;
    CHECK(left.size() == expected + 1);  // + this task
    bool ordered = true, unfinished = true;
    for (std::size_t k = 1; k < left.size(); ++k) ordered = ordered && left[k - 1]->id < left[k]->id;
    for (task_driver* d : left) unfinished = unfinished && !d->self()->done();
    CHECK(ordered);
    CHECK(unfinished);
    seen += std::to_string(left.size()) + " ";
  }
  for (const task_handle<>& h : tasks) co_await h;
  CHECK(loop.unfinished_tasks().size() == 1);
  co_return seen;
}
}  // namespace

TEST_CASE("the unfinished tasks stay in creation order as tasks finish in another") {
  CHECK(asyncio::run(unfinished_in_creation_order()) ==
        "1201 1101 1001 901 801 701 601 501 401 301 201 101 ");
}

TEST_CASE("a given task name lives beside the task and goes with it") {
  event_loop loop;
  auto t = asyncio::create_task(loop, nap(1));
  CHECK(t.name() == "Task-1");
  t.state().driver.set_name("worker");
  CHECK(t.name() == "worker");
  t.state().driver.set_name("renamed");
  CHECK(t.name() == "renamed");
  CHECK(t.repr().find("name='renamed'") != std::string::npos);
  auto u = asyncio::create_task(loop, nap(1));
  CHECK(u.name() == "Task-2");  // another task has no name of its own
  loop.run_until_done(t.state());
}

namespace {
task<> raises_deep(int depth, int i) {
  if (depth == 0) {
    co_await asyncio::sleep(0.5 * (i % 3));
    throw py_exception("ValueError", "task " + std::to_string(i));
  }
  co_await raises_deep(depth - 1, i);
}

task<std::string> hundred_failures() {
  std::vector<task<>> coros;
  for (int i = 0; i < 100; ++i) coros.push_back(raises_deep(3, i));
  auto outcomes = co_await asyncio::gather(asyncio::return_exceptions, raises_deep(2, 7), raises_deep(0, 8));
  std::vector<task_handle<>> tasks;
  for (auto& c : coros) tasks.push_back(asyncio::create_task(std::move(c)));
  std::size_t caught = 0;
  for (const task_handle<>& t : tasks) {
    try {
      co_await t;
    } catch (const py_exception&) {
      ++caught;
    }
  }
  // Kept now: the 100 Tasks' own exceptions. Their frames are gone (a Task frees its frames as it
  // finishes), and so are the gathered children, their exceptions copied into the outcomes.
  CHECK(detail::kept_exception_count() == 100);
  co_return std::get<0>(outcomes).error_text() + ", " + std::get<1>(outcomes).error_text() + ", caught " +
      std::to_string(caught);
}

task<> raises_unawaited() {
  co_await asyncio::sleep(1);
  throw py_exception("ValueError", "nobody asks");
}
task<> leaves_failures_behind() {
  for (int i = 0; i < 10; ++i) (void)asyncio::create_task(raises_unawaited());
  co_await asyncio::sleep(0.5);  // the loop ends first: the tasks are still sleeping
}
}  // namespace

// A future's and a frame's exception is kept beside them (kept_exceptions.hpp), not in them:
// whatever raised, was caught, gathered, never retrieved or torn down with its loop, nothing is
// kept once the holders are gone.
TEST_CASE("exceptions kept beside futures and frames go with them") {
  const std::size_t before = detail::kept_exception_count();
  CHECK(asyncio::run(hundred_failures()) == "ValueError: task 7, ValueError: task 8, caught 100");
  CHECK(detail::kept_exception_count() == before);
  asyncio::run(leaves_failures_behind());
  CHECK(detail::kept_exception_count() == before);
  {
    event_loop loop;
    auto t = asyncio::create_task(loop, raises_deep(1, 3));
    loop.run_until_done(t.state());
    CHECK(t.state().exception() != nullptr);
    CHECK(detail::kept_exception_count() > before);
    CHECK_THROWS_WITH_AS(t.result(), "task 3", py_exception);
  }
  CHECK(detail::kept_exception_count() == before);
}

namespace {
task<std::string> word() { co_return "asyncio"; }
struct big {
  char bytes[1500];
};
task<big> big_value() { co_return big{}; }
}  // namespace

// The driver finds its Task's future by the distance between them (task_driver::self), which
// depends on the result's type.
TEST_CASE("a Task's driver finds its own future, whatever the result type") {
  event_loop loop;
  auto a = asyncio::create_task(loop, nap(1));
  auto b = asyncio::create_task(loop, word());
  auto c = asyncio::create_task(loop, big_value());
  CHECK(a.state().driver.self() == &a.state());
  CHECK(b.state().driver.self() == &b.state());
  CHECK(c.state().driver.self() == &c.state());
  const auto distance = [](const auto& state) {
    return reinterpret_cast<std::uintptr_t>(&state.driver) - reinterpret_cast<std::uintptr_t>(&state);
  };
  CHECK(distance(c.state()) > distance(b.state()));  // the result sits between them
  CHECK(distance(b.state()) > distance(a.state()));
  loop.run_until_done(c.state());
  CHECK(b.result() == "asyncio");
  CHECK(c.state().driver.self()->done());
}

// A Task keeps no name of its own for its coroutine: the root frame's promise has it while the
// frame lives, and the word of the current frame keeps it once the root has gone.
TEST_CASE("a Task names its coroutine before, while and after it runs, and after its loop drops it") {
  auto loop = std::make_unique<event_loop>();
  auto t = asyncio::create_task(*loop, nap(1));
  auto u = asyncio::create_task(*loop, nap(5));
  auto s = asyncio::create_task(*loop, nap(0.5));
  const std::string before = t.state().driver.coro_name();
  CHECK(before.find("nap") != std::string::npos);
  loop->run_until_done(s.state());
  CHECK(t.state().driver.started());  // asleep now
  CHECK(t.state().driver.coro_name() == before);
  loop->run_until_done(t.state());
  CHECK(t.state().driver.root_promise() == nullptr);  // the frame is gone
  CHECK(t.state().driver.coro_name() == before);
  CHECK(t.repr().find("coro=<" + before + "() done") != std::string::npos);
  CHECK(!u.done());
  loop.reset();  // u's loop drops it unfinished: its frames are destroyed
  CHECK(u.state().driver.root_promise() == nullptr);
  CHECK(u.state().driver.coro_name() == before);
}

TEST_CASE("coroutine names are numbered by address, on any thread, and read back") {
  // Names of the same text at different addresses (an interpreter's strings) are told apart.
  static const char first[] = "worker";
  static const char second[] = "worker";
  const std::uint32_t a = detail::coro_name_number(first);
  CHECK(a != 0);
  CHECK(detail::coro_name_number(first) == a);
  const std::uint32_t b = detail::coro_name_number(second);
  CHECK(b != a);
  CHECK(detail::coro_name(a) == first);
  CHECK(detail::coro_name(b) == second);
  CHECK(detail::coro_name_number(nullptr) == 0);
  CHECK(std::string(detail::coro_name(0)).empty());
#ifndef __EMSCRIPTEN__  // (the wasm build has no threads: the page's workers are other modules)
  // Threads numbering names at once: each number reads back as its own address everywhere.
  static char names[4][300][8];
  std::uint32_t numbers[4][300] = {};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([t, &numbers] {
      for (int i = 0; i < 300; ++i) numbers[t][i] = detail::coro_name_number(names[t][i]);
    });
  for (std::thread& th : threads) th.join();
  std::set<std::uint32_t> distinct;
  for (int t = 0; t < 4; ++t)
    for (int i = 0; i < 300; ++i) {
      distinct.insert(numbers[t][i]);
      CHECK(detail::coro_name(numbers[t][i]) == names[t][i]);
    }
  CHECK(distinct.size() == 4 * 300);
#endif
  // A coroutine's promise keeps the number: the name it reads is its function's.
  task<int> c = returns_at_once();
  CHECK(std::string(c.name()).find("returns_at_once") != std::string::npos);
  CHECK(asyncio::run(std::move(c)) == 7);
}
