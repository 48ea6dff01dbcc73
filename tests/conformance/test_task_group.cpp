// asyncio.TaskGroup (twins: composition/taskgroup_*.py).
#include <doctest.h>

#include "pyrt/py_exception.hpp"
#include "scenario.hpp"

using namespace asyncrace;
using conformance::loop_time;

namespace taskgroup_all_succeed {
task<int> work(int n, double d) {
  co_await asyncio::sleep(d);
  print("work", n, "done at", loop_time());
  co_return n * 10;
}
task<> main() {
  task_handle<int> a, b;
  co_await asyncio::with_task_group([&](asyncio::TaskGroup& tg) -> task<> {
    a = tg.create_task(work(1, 0.2));
    b = tg.create_task(work(2, 0.1));
    print("created", a.name(), b.name());
    co_return;
  });
  print("block exited at", loop_time(), "results", a.result(), b.result());
}
}  // namespace taskgroup_all_succeed

TEST_CASE("TaskGroup waits for every task it created") {
  conformance::scenario s;
  s.run(taskgroup_all_succeed::main());
  CHECK(s.transcript() == conformance::expected("composition/taskgroup_all_succeed"));
}

namespace taskgroup_failure_cancels_siblings {
task<> crash(double d, std::string message) {
  co_await asyncio::sleep(d);
  throw py_exception("ValueError", message);
}
task<> patient() {
  try {
    co_await asyncio::sleep(10);
  } catch (const asyncio::CancelledError&) {
    print("patient cancelled at", loop_time());
    throw;
  }
}
task<> main() {
  try {
    co_await asyncio::with_task_group([&](asyncio::TaskGroup& tg) -> task<> {
      tg.create_task(patient());
      tg.create_task(crash(0.5, "first"));
      tg.create_task(crash(0.5, "second"));
      co_await asyncio::sleep(5);
      print("never printed");
    });
  } catch (const asyncio::ExceptionGroup& group) {  // except* ValueError
    std::string messages;
    for (const auto& e : group.exceptions()) {
      try {
        std::rethrow_exception(e);
      } catch (const py_exception& pe) {
        messages += std::string(messages.empty() ? "" : ", ") + "'" + pe.what() + "'";
      }
    }
    print("caught", group.exceptions().size(), "errors:", "[" + messages + "]");
  }
  print("after the group at", loop_time());
}
}  // namespace taskgroup_failure_cancels_siblings

TEST_CASE("TaskGroup: a failure cancels the siblings and the block — errors come out together") {
  conformance::scenario s;
  s.run(taskgroup_failure_cancels_siblings::main());
  CHECK(s.transcript() == conformance::expected("composition/taskgroup_failure_cancels_siblings"));
}

namespace taskgroup_body_raises {
task<> patient(int n) {
  try {
    co_await asyncio::sleep(10);
  } catch (const asyncio::CancelledError&) {
    print("patient", n, "cancelled at", loop_time());
    throw;
  }
}
task<> main() {
  try {
    co_await asyncio::with_task_group([&](asyncio::TaskGroup& tg) -> task<> {
      tg.create_task(patient(1));
      co_await asyncio::sleep(1);
      throw py_exception("KeyError", "'from the body'");
    });
  } catch (const asyncio::ExceptionGroup& group) {  // except* KeyError
    try {
      std::rethrow_exception(group.exceptions().at(0));
    } catch (const py_exception& e) {
      print("caught", "[\"" + e.type() + "(" + e.what() + ")\"]", "at", loop_time());
    }
  }
}
}  // namespace taskgroup_body_raises

TEST_CASE("TaskGroup: an exception in the block cancels the tasks, then joins the group's errors") {
  conformance::scenario s;
  s.run(taskgroup_body_raises::main());
  CHECK(s.transcript() == conformance::expected("composition/taskgroup_body_raises"));
}
