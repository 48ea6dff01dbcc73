// The nine-task race of seed 000 under each tie policy, run on the real scheduler.
#include <doctest.h>

#include <vector>

#include "sched/asyncio.hpp"

using namespace asyncrace;

namespace {
std::vector<int> completed;

task<> do_some_work(int num) {
  co_await asyncio::sleep(1);
  completed.push_back(num);
}
task<> group(int num) {
  co_await asyncio::gather(do_some_work(num), do_some_work(num + 1), do_some_work(num + 2));
}
task<> race() { co_await asyncio::gather(group(10), group(20), group(30)); }

std::vector<int> finish_order(const loop_options& o) {
  completed.clear();
  asyncio::run(race(), o);
  return completed;
}
}  // namespace

TEST_CASE("cpython-heap: the seed's order 10,12,30,32,22,31,21,11,20") {
  CHECK(finish_order({tie_policy::cpython_heap}) == std::vector<int>{10, 12, 30, 32, 22, 31, 21, 11, 20});
}

TEST_CASE("fifo: the order the timers were scheduled") {
  CHECK(finish_order({tie_policy::fifo}) == std::vector<int>{10, 11, 12, 20, 21, 22, 30, 31, 32});
}

TEST_CASE("jitter: reproducible for a seed, different across seeds") {
  const loop_options seed1{tie_policy::jitter, 1, 50.0};
  const loop_options seed2{tie_policy::jitter, 2, 50.0};
  const auto a = finish_order(seed1);
  CHECK(a.size() == 9);
  CHECK(finish_order(seed1) == a);
  CHECK(finish_order(seed2) != a);
  CHECK(finish_order(seed2) == finish_order(seed2));
}

TEST_CASE("jitter shifts deadlines by less than the jitter range") {
  event_loop loop({tie_policy::jitter, 7, 50.0});
  auto t = create_task(loop, []() -> task<double> {
    co_await asyncio::sleep(1);
    co_return event_loop::current()->time();
  }());
  loop.run_until_done(t.state());
  CHECK(t.result() >= 1.0);
  CHECK(t.result() < 1.0 + 50e-6);
}
