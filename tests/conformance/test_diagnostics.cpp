// What CPython tells a learner: never-awaited warnings, reprs of coroutines and Tasks, the last
// line of an uncaught exception (twins: diagnostics/*.py). `// py:N` marks the Python line a C++
// line stands for.
#include <doctest.h>

#include "pyrt/py_exception.hpp"
#include "scenario.hpp"

using namespace asyncrace;

namespace never_awaited {
task<> do_some_work(int num) {
  print("Starting work", num);
  co_return;
}
task<> main() {
  forget(do_some_work(1));  // py:7
  print("main goes on");
  co_return;
}
}  // namespace never_awaited

TEST_CASE("a coroutine never awaited: CPython's RuntimeWarning, where the statement is") {
  conformance::scenario s("diagnostics/never_awaited", __FILE__);
  s.run(never_awaited::main());
  CHECK(s.transcript() == conformance::expected("diagnostics/never_awaited"));
}

namespace reprs {
task<std::string> example_future() {
  co_await asyncio::sleep(1);  // py:4
  co_return "done";
}
task<> main() {
  task<std::string> coro = example_future();
  print(coroutine_repr(coro.name(), coro.handle().address()));
  auto t = asyncio::create_task(std::move(coro));
  print(t.repr());
  co_await asyncio::sleep(0);
  print(t.repr());
  co_await t;
  print(t.repr());
}
}  // namespace reprs

TEST_CASE("reprs of a coroutine and of a Task before, during and after its sleep") {
  conformance::scenario s("diagnostics/reprs", __FILE__);
  s.run(reprs::main());
  CHECK(s.transcript() == conformance::expected("diagnostics/reprs"));
}

namespace uncaught_exception {
task<> fails() {
  co_await asyncio::sleep(0.5);
  throw py_exception("TypeError", "object int can't be used in 'await' expression");
}
task<> main() {
  print("before");
  co_await fails();
}
}  // namespace uncaught_exception

TEST_CASE("an uncaught exception ends the run with the traceback's last line") {
  conformance::scenario s("diagnostics/uncaught_exception", __FILE__);
  s.run(uncaught_exception::main());
  CHECK(s.transcript() == conformance::expected("diagnostics/uncaught_exception"));
}
