// asyncio.gather: tasks in argument order, results in argument order, nesting, first exception.
#include <doctest.h>

#include <string>
#include <tuple>
#include <vector>

#include "pyrt/py_exception.hpp"
#include "sched/asyncio.hpp"

using namespace asyncrace;

namespace {
std::vector<std::string> events;

task<int> worker(int n, double d) {
  events.push_back("start " + std::to_string(n));
  co_await asyncio::sleep(d);
  events.push_back("end " + std::to_string(n));
  co_return n * 10;
}

task<std::tuple<int, int, int>> three() {
  co_return co_await asyncio::gather(worker(1, 0.3), worker(2, 0.1), worker(3, 0.2));
}

task<int> nested() {
  auto [a, b] = co_await asyncio::gather(three(), worker(4, 0.05));
  co_return std::get<0>(a) + std::get<1>(a) + std::get<2>(a) + b;
}

task<> boom(double d) {
  co_await asyncio::sleep(d);
  throw py_exception("RuntimeError", "boom at " + py_str(d));
}

task<std::string> first_exception_wins() {
  try {
    co_await asyncio::gather(worker(1, 0.5), boom(0.2), boom(0.1));
  } catch (const py_exception& e) {
    co_return e.python_text() + " seen at " + py_str(event_loop::current()->time());
  }
  co_return "no exception";
}

task<std::vector<int>> many(int n) {
  std::vector<task<int>> ts;
  for (int i = 0; i < n; ++i) ts.push_back(worker(i, 1.0));
  co_return co_await asyncio::gather(std::move(ts));
}
}  // namespace

TEST_CASE("gather starts tasks in argument order and returns results in argument order") {
  events.clear();
  auto r = asyncio::run(three());
  CHECK(r == std::tuple<int, int, int>{10, 20, 30});
  CHECK(events == std::vector<std::string>{"start 1", "start 2", "start 3", "end 2", "end 3", "end 1"});
}

TEST_CASE("nested gather: inner tasks start inside the outer tasks' steps") {
  events.clear();
  CHECK(asyncio::run(nested()) == 100);
  // The outer gather's two tasks step first (three() creates its children; worker 4 starts),
  // then three()'s children start in the next iteration.
  CHECK(events == std::vector<std::string>{"start 4", "start 1", "start 2", "start 3", "end 4", "end 2",
                                        "end 3", "end 1"});
}

TEST_CASE("the first exception to happen propagates to the awaiter at once") {
  events.clear();
  CHECK(asyncio::run(first_exception_wins()) == "RuntimeError: boom at 0.1 seen at 0.1");
}

TEST_CASE("gather of a vector: a thousand tasks, results in order") {
  events.clear();
  auto r = asyncio::run(many(1000));
  REQUIRE(r.size() == 1000);
  for (int i = 0; i < 1000; ++i) CHECK(r[static_cast<std::size_t>(i)] == i * 10);
}

TEST_CASE("gather of nothing completes at once with no result") {
  auto empty = []() -> task<std::size_t> {
    co_return (co_await asyncio::gather(std::vector<task<int>>{})).size();
  };
  CHECK(asyncio::run(empty()) == 0);
}
