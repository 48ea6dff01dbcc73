// asyncio.run's shutdown and the loop's own behaviour (twins: loop/*.py).
#include <doctest.h>

#include "scenario.hpp"

using namespace asyncrace;
using conformance::loop_time;

namespace shutdown_cancels_leftovers {
task<> background(int n) {
  bool cancelled = false;
  try {
    print("background", n, "started");
    co_await asyncio::sleep(100);
  } catch (const asyncio::CancelledError&) {
    cancelled = true;
  }
  if (cancelled) {
    print("background", n, "cancelled at", loop_time());
    co_await asyncio::sleep(0.25);
    print("background", n, "cleaned up at", loop_time());
    throw asyncio::CancelledError();
  }
}
task<> main() {
  asyncio::create_task(background(1));
  asyncio::create_task(background(2));
  co_await asyncio::sleep(1);
  print("main returns at", loop_time());
}
}  // namespace shutdown_cancels_leftovers

TEST_CASE("asyncio.run cancels what main left running and lets it clean up, even sleeping") {
  conformance::scenario s;
  s.run(shutdown_cancels_leftovers::main());
  s.print("asyncio.run returned");
  CHECK(s.transcript() == conformance::expected("loop/shutdown_cancels_leftovers"));
}

namespace run_until_complete {
task<int> work(int n) {
  co_await asyncio::sleep(n);
  print("work", n, "done at", loop_time());
  co_return n * 2;
}
}  // namespace run_until_complete

TEST_CASE("loop.run_until_complete: runs until that task is done, leaving the others as they are") {
  conformance::scenario s;
  event_loop& loop = s.loop();
  s.print(py_str(asyncrace::run_until_complete(loop, run_until_complete::work(1))));
  auto t = create_task(loop, run_until_complete::work(5));
  const int four = asyncrace::run_until_complete(loop, run_until_complete::work(2));
  s.print(py_join(four, t.done()));
  const int ten = asyncrace::run_until_complete(loop, t);  // (argument order is unspecified in C++)
  s.print(py_join(ten, t.done()));
  CHECK(s.transcript() == conformance::expected("loop/run_until_complete"));
}
