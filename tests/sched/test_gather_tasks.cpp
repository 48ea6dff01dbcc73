// gather_tasks.hpp: asyncio.gather(*tasks) over a std::vector of Tasks that already exist.
#include <doctest.h>

#include <array>
#include <string>
#include <tuple>
#include <vector>

#include "asyncio/gather_tasks.hpp"
#include "asyncio/gather_futures.hpp"
#include "asyncio/gather_handles.hpp"
#include "sched/asyncio.hpp"

using namespace asyncrace;

namespace {

double now() { return event_loop::current()->time(); }

task<int> worker(int n, double d) {
  co_await asyncio::sleep(d);
  co_return n;
}

task<> quiet(double d) { co_await asyncio::sleep(d); }

task<std::string> gather_list() {
  std::vector<task_handle<int>> tasks;  // Task-2, Task-3, Task-4
  tasks.push_back(asyncio::create_task(worker(1, 0.5)));
  tasks.push_back(asyncio::create_task(worker(2, 0.25)));
  tasks.push_back(asyncio::create_task(worker(3, 0.125)));
  tasks.push_back(tasks[0]);  // listed twice: its result at both places
  const std::vector<int> r = co_await asyncio::gather(tasks);
  // gather made no Task of its own: the next one is Task-5.
  auto next = asyncio::create_task(worker(9, 0));
  co_await next;
  co_return py_join(r[0], r[1], r[2], r[3], "at", now(), next.name());
}

task<std::string> gather_void_and_empty() {
  std::vector<task_handle<>> producers;
  for (int n = 1; n <= 3; ++n) producers.push_back(asyncio::create_task(quiet(n)));
  const auto r = co_await asyncio::gather(producers);
  const auto none = co_await asyncio::gather(std::vector<task_handle<>>{});
  co_return py_join(r.size(), "results at", now(), none.size());
}

task<std::string> gather_failure() {
  std::vector<task_handle<int>> tasks;
  tasks.push_back(asyncio::create_task(worker(1, 1)));
  tasks.push_back(asyncio::create_task([]() -> task<int> {
    co_await asyncio::sleep(0.5);
    throw py_exception("ValueError", "bad");
  }()));
  try {
    co_await asyncio::gather(tasks);
  } catch (const py_exception& e) {
    co_return e.python_text() + " at " + py_str(now()) + ", first still running: " + py_str(!tasks[0].done());
  }
  co_return "no exception";
}

std::string both(const std::vector<int>& r) { return py_join(r[0], r[1]); }
template <class R>
std::string both(const R& r) {  // a std::tuple or std::array
  return py_join(std::get<0>(r), std::get<1>(r));
}

// A Task passed twice, through each C++ form of gather. CPython 3.11 (asyncio.gather's
// arg_to_fut) gathers it once: `t = create_task(work()); g = gather(t, t)` leaves
// len(t._callbacks) == 1, gives [7, 7]; and g.cancel() cancels it once per place, so
// t.cancelling() == 2 and awaiting g raises CancelledError.
template <class Gather>
task<std::string> task_twice(Gather gather_twice) {
  auto t = asyncio::create_task(worker(7, 1));
  auto g = gather_twice(t);
  std::string out = py_join("callbacks", t.state().callback_count(), "waits on", g.state().size());
  const auto r = co_await g;
  out += " results " + both(r);
  auto u = asyncio::create_task(worker(8, 1));
  auto h = gather_twice(u);
  co_await asyncio::sleep(0);
  const bool cancelled = h.cancel();  // before reading cancelling()
  out += " " + py_join("cancel", cancelled, "cancelling", u.cancelling());
  try {
    co_await h;
  } catch (const cancelled_error&) {
    out += " " + py_join("cancelled", u.cancelled());
  }
  co_return out;
}

const std::string task_twice_expected = "callbacks 1 waits on 1 results 7 7 cancel True cancelling 2 cancelled True";

}  // namespace

TEST_CASE("a Task passed twice is gathered once, in every form of gather (CPython's arg_to_fut)") {
  SUBCASE("gather(t, t)") {
    CHECK(asyncio::run(task_twice([](const task_handle<int>& t) { return asyncio::gather(t, t); })) ==
          task_twice_expected);
  }
  SUBCASE("gather(std::array{t, t})") {
    CHECK(asyncio::run(task_twice([](const task_handle<int>& t) {
            return asyncio::gather(std::array<task_handle<int>, 2>{t, t});
          })) == task_twice_expected);
  }
  SUBCASE("gather(std::vector{t, t})") {
    CHECK(asyncio::run(task_twice([](const task_handle<int>& t) {
            return asyncio::gather(std::vector<task_handle<int>>{t, t});
          })) == task_twice_expected);
  }
  SUBCASE("gather(std::vector of futures {t, t})") {
    CHECK(asyncio::run(task_twice([](const task_handle<int>& t) {
            return asyncio::gather(std::vector<future_handle<int>>{t, t});
          })) == task_twice_expected);
  }
}

TEST_CASE("gather over a list of Tasks: results in list order, a duplicate at both places, no new Task") {
  CHECK(asyncio::run(gather_list()) == "1 2 3 1 at 0.5 Task-5");
}

TEST_CASE("gather over a list of void Tasks, and over an empty list") {
  CHECK(asyncio::run(gather_void_and_empty()) == "3 results at 3.0 0");
}

TEST_CASE("gather over a list of Tasks: the first exception propagates, the others go on") {
  CHECK(asyncio::run(gather_failure()) == "ValueError: bad at 0.5, first still running: True");
}
