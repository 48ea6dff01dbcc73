// gather_tasks.hpp: asyncio.gather(*tasks) over a std::vector of Tasks that already exist.
#include <doctest.h>

#include <string>
#include <vector>

#include "asyncio/gather_tasks.hpp"
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

}  // namespace

TEST_CASE("gather over a list of Tasks: results in list order, a duplicate at both places, no new Task") {
  CHECK(asyncio::run(gather_list()) == "1 2 3 1 at 0.5 Task-5");
}

TEST_CASE("gather over a list of void Tasks, and over an empty list") {
  CHECK(asyncio::run(gather_void_and_empty()) == "3 results at 3.0 0");
}

TEST_CASE("gather over a list of Tasks: the first exception propagates, the others go on") {
  CHECK(asyncio::run(gather_failure()) == "ValueError: bad at 0.5, first still running: True");
}
