// Cancellation at each kind of await, as CPython 3.11 does it (twins: cancellation/*.py).
#include <doctest.h>

#include "scenario.hpp"

using namespace asyncrace;
using conformance::loop_time;

namespace cancel_at_sleep {
task<> worker() {
  struct cleanup {
    ~cleanup() { print("worker cleanup"); }  // the `finally:` block
  } finally;
  try {
    print("worker sleeping");
    co_await asyncio::sleep(10);
    print("never printed");
  } catch (const asyncio::CancelledError&) {
    print("worker cancelled at", loop_time());
    throw;
  }
}
task<> main() {
  auto t = asyncio::create_task(worker());
  co_await asyncio::sleep(1);
  print("cancel returns", t.cancel());
  print("right after cancel: cancelled", t.cancelled(), "done", t.done());
  try {
    co_await t;
  } catch (const asyncio::CancelledError&) {
    print("main saw CancelledError at", loop_time());
  }
  print("after: cancelled", t.cancelled(), "done", t.done());
  print("cancel again returns", t.cancel());
}
}  // namespace cancel_at_sleep

TEST_CASE("cancel at a sleep: CancelledError at the await, except and finally run") {
  conformance::scenario s;
  s.run(cancel_at_sleep::main());
  CHECK(s.transcript() == conformance::expected("cancellation/cancel_at_sleep"));
}

namespace cancel_before_start {
task<> never_runs() {
  print("never printed");
  co_return;
}
task<> main() {
  auto t = asyncio::create_task(never_runs());
  print("cancel returns", t.cancel());
  try {
    co_await t;
  } catch (const asyncio::CancelledError&) {
    print("awaiting it raises CancelledError");
  }
  print("cancelled", t.cancelled());
}
}  // namespace cancel_before_start

TEST_CASE("cancel before the first step: none of the coroutine runs, and no never-awaited warning") {
  conformance::scenario s;
  s.run(cancel_before_start::main());
  CHECK(s.transcript() == conformance::expected("cancellation/cancel_before_start"));
}

namespace cancel_caught {
task<std::string> stubborn() {
  bool caught = false;
  try {
    co_await asyncio::sleep(10);
  } catch (const asyncio::CancelledError&) {
    caught = true;
  }
  if (caught) {  // (co_await is not allowed inside a C++ handler)
    print("stubborn caught the cancellation at", loop_time());
    co_await asyncio::sleep(0.5);
    print("stubborn finished its cleanup at", loop_time());
  }
  co_return "kept going";
}
task<> main() {
  auto t = asyncio::create_task(stubborn());
  co_await asyncio::sleep(2);
  t.cancel();
  std::string result = co_await t;
  print("result", result, "cancelled", t.cancelled());
}
}  // namespace cancel_caught

TEST_CASE("a task that catches its cancellation carries on and returns a result") {
  conformance::scenario s;
  s.run(cancel_caught::main());
  CHECK(s.transcript() == conformance::expected("cancellation/cancel_caught"));
}

namespace cancel_yield {
task<> spinner() {
  int n = 0;
  try {
    for (;;) {
      ++n;
      co_await asyncio::sleep(0);
    }
  } catch (const asyncio::CancelledError&) {
    print("spinner cancelled after", n, "turns");
    throw;
  }
}
task<> main() {
  auto t = asyncio::create_task(spinner());
  for (int i = 0; i < 3; ++i) co_await asyncio::sleep(0);
  t.cancel();
  try {
    co_await t;
  } catch (const asyncio::CancelledError&) {
    print("spinner is cancelled:", t.cancelled());
  }
}
}  // namespace cancel_yield

TEST_CASE("cancel at sleep(0): raised at the bare yield") {
  conformance::scenario s;
  s.run(cancel_yield::main());
  CHECK(s.transcript() == conformance::expected("cancellation/cancel_yield"));
}

namespace cancel_propagates {
task<> inner() {
  try {
    co_await asyncio::sleep(5);
  } catch (const asyncio::CancelledError&) {
    print("inner cancelled at", loop_time());
    throw;
  }
}
task<> outer(task_handle<> inner_task) {
  try {
    co_await inner_task;
  } catch (const asyncio::CancelledError&) {
    print("outer cancelled at", loop_time());
    throw;
  }
}
task<> main() {
  auto i = asyncio::create_task(inner());
  auto o = asyncio::create_task(outer(i));
  co_await asyncio::sleep(1);
  o.cancel();
  for (const auto& t : {o, i}) {
    try {
      co_await t;
    } catch (const asyncio::CancelledError&) {
    }
  }
  print("outer cancelled", o.cancelled(), "inner cancelled", i.cancelled());
}
}  // namespace cancel_propagates

TEST_CASE("cancelling a task that awaits another task cancels that task too") {
  conformance::scenario s;
  s.run(cancel_propagates::main());
  CHECK(s.transcript() == conformance::expected("cancellation/cancel_propagates"));
}

namespace cancel_gather {
task<int> child(int n, double d) {
  try {
    co_await asyncio::sleep(d);
    print("child", n, "finished");
    co_return n;
  } catch (const asyncio::CancelledError&) {
    print("child", n, "cancelled");
    throw;
  }
}
task<> parent() {
  try {
    co_await asyncio::gather(child(1, 0.5), child(2, 2), child(3, 3));
  } catch (const asyncio::CancelledError&) {
    print("parent cancelled at", loop_time());
    throw;
  }
}
task<> main() {
  auto p = asyncio::create_task(parent());
  co_await asyncio::sleep(1);
  p.cancel();
  try {
    co_await p;
  } catch (const asyncio::CancelledError&) {
    print("parent task cancelled", p.cancelled());
  }
}
}  // namespace cancel_gather

TEST_CASE("cancelling a task that awaits a gather cancels the gather's running children") {
  conformance::scenario s;
  s.run(cancel_gather::main());
  CHECK(s.transcript() == conformance::expected("cancellation/cancel_gather"));
}
