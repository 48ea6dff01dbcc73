// asyncio.Future() (future_object.hpp), a class awaitable through its own coroutine (awaiter.hpp),
// gather over Tasks named one by one (gather_handles.hpp) and inspect.isawaitable (inspect.hpp).
#include <doctest.h>

#include <array>
#include <exception>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "program/inspect.hpp"
#include "sched/asyncio.hpp"

using namespace asyncrace;

namespace {
double now() { return event_loop::current()->time(); }

task<> fill_later(asyncio::Future<std::string> future) {
  co_await asyncio::sleep(2);
  future.set_result("Task Completed");
}

task<std::vector<std::string>> future_states() {
  std::vector<std::string> seen;
  asyncio::Future<std::string> future;
  seen.push_back("done " + py_str(future.done()) + " " + future.repr());
  try {
    future.result();
  } catch (const py_exception& e) {
    seen.push_back(e.python_text());
  }
  auto t = asyncio::create_task(fill_later(future));
  std::string r = co_await future;
  seen.push_back(r + " at " + py_str(now()) + ", done " + py_str(future.done()));
  try {
    future.set_result("again");
  } catch (const asyncio::InvalidStateError& e) {
    seen.push_back(e.python_text());
  }
  co_await t;
  asyncio::Future<> other;
  const bool cancelled_now = other.cancel();
  seen.push_back("cancel " + py_str(cancelled_now) + ", cancelled " + py_str(other.cancelled()) + " " + other.repr());
  co_return seen;
}

class Delayed {
 public:
  explicit Delayed(int value) : value_(value) {}
  awaiter<int> operator co_await() {
    co_await asyncio::sleep(0.5);
    co_return value_ * 2;
  }

 private:
  int value_;
};

task<std::string> await_custom() {
  int a = co_await Delayed(1);
  int b = co_await Delayed(20);
  co_return py_str(a + b) + " at " + py_str(now());
}

task<int> worker(int n, double d) {
  co_await asyncio::sleep(d);
  co_return n;
}

task<std::string> gather_tasks_by_name() {
  auto t1 = asyncio::create_task(worker(1, 0.5));
  auto t2 = asyncio::create_task(worker(2, 0.1));
  auto [a, b] = co_await asyncio::gather(t1, t2);
  std::array list{asyncio::create_task(worker(3, 0.25)), asyncio::create_task(worker(4, 0.1))};
  auto [c, d] = co_await asyncio::gather(list);
  co_return py_join(a, b, c, d, "at", now());
}
}  // namespace

TEST_CASE("asyncio.Future: pending then awaited and completed by another task - InvalidStateError - cancel") {
  CHECK(asyncio::run(future_states()) ==
        std::vector<std::string>{
            "done False <Future pending>",
            "asyncio.exceptions.InvalidStateError: Result is not set.",
            "Task Completed at 2.0, done True",
            "asyncio.exceptions.InvalidStateError: invalid state",
            "cancel True, cancelled True <Future cancelled>",
        });
}

TEST_CASE("a class whose operator co_await is a coroutine runs it inside the awaiting task") {
  CHECK(asyncio::run(await_custom()) == "42 at 1.0");
}

TEST_CASE("a task cancelled inside a custom awaitable and one left there when its loop goes") {
  event_loop loop;
  auto cancelled = create_task(loop, await_custom());
  auto left = create_task(loop, await_custom());
  loop.run_once();  // both start, each suspends in Delayed(1)'s sleep
  cancelled.cancel();
  loop.run_until_done(cancelled.state());
  CHECK(cancelled.cancelled());
  CHECK_FALSE(left.done());  // its frames die with the loop (ASan: nothing leaks)
}

TEST_CASE("gather over existing Tasks one by one or in an array makes no new Task") {
  CHECK(asyncio::run(gather_tasks_by_name()) == "1 2 3 4 at 0.75");
}

TEST_CASE("inspect.isawaitable: coroutines and Tasks and futures and sleeps and custom awaitables but not values") {
  CHECK(inspect::isawaitable(asyncio::sleep(1)));
  CHECK(inspect::awaitable<task<int>>);
  CHECK(inspect::awaitable<task_handle<int>>);
  CHECK(inspect::awaitable<asyncio::Future<int>>);
  CHECK(inspect::awaitable<Delayed>);
  CHECK_FALSE(inspect::isawaitable(42));
  CHECK_FALSE(inspect::isawaitable(std::string("no")));
}

namespace {
std::vector<std::string> reported;  // what the loop's unretrieved handler was called with
void note_unretrieved(future_core& f) { reported.push_back(f.repr()); }
std::exception_ptr failure(const char* what) { return std::make_exception_ptr(std::runtime_error(what)); }
}  // namespace

TEST_CASE("a future dying with an exception nobody retrieved is reported to its loop's handler, while that loop is current") {
  reported.clear();
  event_loop loop;
  loop.set_unretrieved_handler(&note_unretrieved);
  running_scope current(&loop);
  {
    auto lost = create_future<int>(loop);
    lost.state().set_exception(failure("lost"));
    auto read = create_future<int>(loop);
    read.state().set_exception(failure("read"));
    CHECK(read.state().retrieve_exception() != nullptr);  // Future.exception()
    auto raised = create_future<int>(loop);
    raised.state().set_exception(failure("raised"));
    CHECK_THROWS_AS(raised.result(), std::runtime_error);  // result() / await
    auto cancelled = create_future<int>(loop);
    cancelled.cancel();
    CHECK(lost.state().exception_unretrieved());
    CHECK_FALSE(read.state().exception_unretrieved());
    CHECK_FALSE(raised.state().exception_unretrieved());
    CHECK_FALSE(cancelled.state().exception_unretrieved());
    auto copy = lost;  // a second reference: nothing is reported until the last one goes
    lost = {};
    CHECK(reported.empty());
  }
  REQUIRE(reported.size() == 1);
  CHECK(reported[0].rfind("<Future finished exception=", 0) == 0);
  // With no loop current (a loop being torn down), nothing is reported.
  reported.clear();
  auto orphan = create_future<int>(loop);
  orphan.state().set_exception(failure("orphan"));
  {
    running_scope none(nullptr);
    orphan = {};
  }
  CHECK(reported.empty());
}
