// gather(return_exceptions), wait_for, timeout, shield (twins: composition/*.py).
#include <doctest.h>

#include "pyrt/py_exception.hpp"
#include "scenario.hpp"

using namespace asyncrace;
using conformance::loop_time;

namespace gather_return_exceptions {
task<int> ok(int n, double d) {
  co_await asyncio::sleep(d);
  co_return n;
}
task<int> bad(double d) {
  co_await asyncio::sleep(d);
  throw py_exception("ValueError", "bad after " + py_str(d));
}
template <class T>
void show(const outcome<T>& r) {
  if (r.ok()) {
    print("int", *r.value);
  } else {
    try {
      std::rethrow_exception(r.error);
    } catch (const py_exception& e) {
      print(e.type(), e.what());
    }
  }
}
task<> main() {
  auto [a, b, c] = co_await asyncio::gather(asyncio::return_exceptions, ok(1, 0.3), bad(0.1), ok(3, 0.2));
  show(a);
  show(b);
  show(c);
  try {
    co_await asyncio::gather(ok(1, 0.3), bad(0.2), bad(0.1));
  } catch (const py_exception& e) {
    print("first exception:", e.what(), "at", loop_time());
  }
}
}  // namespace gather_return_exceptions

TEST_CASE("gather(return_exceptions=True) returns exceptions as results — otherwise the first propagates") {
  conformance::scenario s;
  s.run(gather_return_exceptions::main());
  CHECK(s.transcript() == conformance::expected("composition/gather_return_exceptions"));
}

namespace wait_for_timeout {
task<std::string> slow(int d) {
  try {
    co_await asyncio::sleep(d);
    co_return "slept " + py_str(d);
  } catch (const asyncio::CancelledError&) {
    print("slow", d, "cancelled at", loop_time());
    throw;
  }
}
task<> slow_void(int d) { co_await slow(d); }
task<> main() {
  print(co_await asyncio::wait_for(slow(1), 2));
  try {
    co_await asyncio::wait_for(slow(5), 2);
  } catch (const asyncio::TimeoutError&) {
    print("TimeoutError at", loop_time());
  }
  try {
    co_await asyncio::timeout(1.5, slow_void(10));
  } catch (const asyncio::TimeoutError&) {
    print("timeout block expired at", loop_time());
  }
}
}  // namespace wait_for_timeout

TEST_CASE("wait_for and timeout: the result in time, else the task cancelled and TimeoutError") {
  conformance::scenario s;
  s.run(wait_for_timeout::main());
  CHECK(s.transcript() == conformance::expected("composition/wait_for_timeout"));
}

namespace shield {
task<int> precious() {
  co_await asyncio::sleep(2);
  print("precious finished at", loop_time());
  co_return 42;
}
task<> main() {
  auto inner = asyncio::create_task(precious());
  try {
    co_await asyncio::wait_for(asyncio::shield(future_handle<int>(inner)), 1);
  } catch (const asyncio::TimeoutError&) {
    print("timed out at", loop_time(), "inner cancelled:", inner.cancelled());
  }
  print("inner result", co_await inner);
}
}  // namespace shield

TEST_CASE("shield: the timeout cancels the outer future, the inner task carries on") {
  conformance::scenario s;
  s.run(shield::main());
  CHECK(s.transcript() == conformance::expected("composition/shield"));
}

namespace as_completed {
task<std::string> fetch(int n, double d) {
  co_await asyncio::sleep(d);
  co_return "result " + py_str(n) + " after " + py_str(d);
}
task<> main() {
  std::vector<task<std::string>> coros;
  coros.push_back(fetch(1, 0.3));
  coros.push_back(fetch(2, 0.1));
  coros.push_back(fetch(3, 0.2));
  for (auto& next_done : asyncio::as_completed(std::move(coros))) print(co_await std::move(next_done), "at", loop_time());
}
}  // namespace as_completed

TEST_CASE("as_completed gives results in completion order") {
  conformance::scenario s;
  s.run(as_completed::main());
  CHECK(s.transcript() == conformance::expected("composition/as_completed"));
}
