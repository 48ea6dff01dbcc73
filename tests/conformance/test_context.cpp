// contextvars as CPython 3.11 has them (twins: context/*.py).
#include <doctest.h>

#include <string>
#include <vector>

#include "scenario.hpp"

using namespace asyncrace;
using conformance::loop_time;

namespace {
// repr() of a list of str: ['a', 'b'].
std::string py_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& s : items) out += (out.size() > 1 ? ", '" : "'") + s + "'";
  return out + "]";
}

// gather(*tasks) over Tasks: the same futures, no new Task each. (Built outside the coroutine:
// g++ 12 rejects a braced list of them inside one.)
template <class... T>
std::vector<future_handle<void>> futures(const T&... tasks) {
  return {tasks...};
}
std::string py_list(const std::string& a, const std::string& b) { return py_list(std::vector<std::string>{a, b}); }

// A fresh interpreter's module-level context: the test thread's own outlives the test.
template <class F>
void in_fresh_context(F&& module) {
  contextvars::context().run(std::forward<F>(module));
}
}  // namespace

namespace copy_context_run {
void module(conformance::scenario& s) {
  contextvars::context_var<std::string> var("var");
  contextvars::context_var<int> counter("counter", 0);
  s.print(var.repr());
  s.print(counter.repr());
  try {
    var.get();
  } catch (const contextvars::LookupError& e) {
    s.print(py_join("LookupError:", e.what()));
  }
  s.print(py_join("var.get('fallback'):", var.get("fallback"), "| counter.get():", counter.get()));

  var.set("spam");
  s.print(var.get());  // 'spam'

  auto ctx = contextvars::copy_context();
  auto main = [&] {
    s.print(var.get());  // 'spam'
    s.print(ctx[var]);   // 'spam'
    var.set("ham");
    s.print(var.get());  // 'ham'
    s.print(ctx[var]);   // 'ham'
  };
  ctx.run(main);
  s.print(ctx[var]);   // 'ham': main's change is contained in ctx
  s.print(var.get());  // 'spam': outside ctx

  s.print(py_join("var in ctx:", ctx.contains(var), "| counter in ctx:", ctx.contains(counter),
                  "| len(ctx):", ctx.size()));
  try {
    ctx[counter];
  } catch (const contextvars::KeyError& e) {
    s.print(py_join("KeyError:", e.what()));
  }
  try {
    ctx.run([&] { ctx.run([&] { s.print("never printed"); }); });
  } catch (const py_exception& e) {
    s.print(e.python_text());
  }
}
}  // namespace copy_context_run

TEST_CASE("Context.run on a copy keeps its sets in it, with LookupError, defaults, KeyError and no re-entry") {
  conformance::scenario s;
  in_fresh_context([&] { copy_context_run::module(s); });
  CHECK(s.transcript() == conformance::expected("context/copy_context_run"));
}

namespace task_isolation {
contextvars::context_var<std::string> my_var("my_var");

task<> task_one() {
  my_var.set("Value from task_one");
  print("Task One:", my_var.get());
  co_await asyncio::sleep(1);
  print("Task One (after sleep):", my_var.get());  // still task_one's value
}
task<> task_two() {
  my_var.set("Value from task_two");
  print("Task Two:", my_var.get());
  co_return;
}
task<> task_three() {
  print("Task Three:", my_var.get("(not set in this task)"));
  co_return;
}
task<> main() {
  auto task1 = asyncio::create_task(task_one());
  auto task2 = asyncio::create_task(task_two());
  auto task3 = asyncio::create_task(task_three());
  co_await asyncio::gather(futures(task1, task2, task3));
  try {
    my_var.get();
  } catch (const contextvars::LookupError& e) {
    print("main: LookupError:", e.what());
  }
}
}  // namespace task_isolation

TEST_CASE("each task runs in its own copy of the context: a set in one is invisible to the others") {
  conformance::scenario s;
  in_fresh_context([&] { s.run(task_isolation::main()); });
  CHECK(s.transcript() == conformance::expected("context/task_isolation"));
}

namespace gather_children_copy {
contextvars::context_var<std::string> request_id("request_id", "-");

task<std::string> child(std::string name) {
  print(name, "starts with request_id =", request_id.get());
  request_id.set(name);
  co_await asyncio::sleep(0.1);
  print(name, "ends with request_id =", request_id.get());
  co_return request_id.get();
}
task<> main() {
  request_id.set("main");
  auto late = asyncio::create_task(child("late"));
  request_id.set("main, later");
  auto [a, b] = co_await asyncio::gather(child("a"), child("b"));
  co_await late;
  print("results", py_list(a, b));
  print("main still has request_id =", request_id.get());
}
}  // namespace gather_children_copy

TEST_CASE("a task copies the context when created, not when it first runs (gather's children too)") {
  conformance::scenario s;
  in_fresh_context([&] {
    gather_children_copy::request_id.set("module");
    s.run(gather_children_copy::main());
    s.print("after asyncio.run: request_id = " + gather_children_copy::request_id.get());
  });
  CHECK(s.transcript() == conformance::expected("context/gather_children_copy"));
}

namespace reset_token {
contextvars::context_var<int> level("level", 0);
contextvars::context_var<int> depth("depth");

std::string old_value(const contextvars::context_token<int>& t) {
  return t.old_value() ? py_str(*t.old_value()) : "<Token.MISSING>";
}
task<> worker(contextvars::context_token<int>& token) {
  try {
    level.reset(token);
  } catch (const py_exception& e) {
    print("worker:", e.python_text());
  }
  co_return;
}
task<> main() {
  auto t1 = level.set(1);
  print("level", level.get(), "| t1.old_value:", old_value(t1));
  auto t2 = level.set(2);
  print("level", level.get(), "| t2.old_value:", old_value(t2));
  level.reset(t2);
  print("after reset(t2): level", level.get());
  try {
    level.reset(t2);
  } catch (const py_exception& e) {
    print(e.python_text());
  }
  auto t3 = depth.set(3);
  try {
    level.reset(t3);
  } catch (const py_exception& e) {
    print(e.python_text());
  }
  auto t4 = level.set(4);
  co_await asyncio::create_task(worker(t4));
  level.reset(t4);
  print("after reset(t4): level", level.get());
  level.reset(t1);
  print("after reset(t1): level", level.get(), "| level in the context:", contextvars::copy_context().contains(level));
  depth.reset(t3);
  try {
    depth.get();
  } catch (const contextvars::LookupError& e) {
    print(e.python_text());
  }
}
}  // namespace reset_token

TEST_CASE("reset(token) restores the previous value or none, once, with its own variable, in its own context") {
  conformance::scenario s;
  in_fresh_context([&] { s.run(reset_token::main()); });
  CHECK(s.transcript() == conformance::expected("context/reset_token"));
}

namespace global_race {
std::string my_var;

task<> task_one() {
  my_var = "Value from task_one";
  print("Task One:", my_var);
  co_await asyncio::sleep(9);
  print("Task One (after sleep):", my_var);  // task_two's value: the global is shared
}
task<> task_two() {
  my_var = "Value from task_two";
  print("Task Two:", my_var);
  co_return;
}
task<> main() {
  auto task1 = asyncio::create_task(task_one());
  auto task2 = asyncio::create_task(task_two());
  co_await asyncio::gather(futures(task1, task2));
}

contextvars::context_var<std::string> ctx_var("ctx_var", "new_val");

task<> ctx_task_one() {
  ctx_var.set("Value from task_one");
  print("Task One:", ctx_var.get());
  co_await asyncio::sleep(9);
  print("Task One (after sleep):", ctx_var.get());  // still its own: each task has a copy
}
task<> ctx_task_two() {
  ctx_var.set("Value from task_two");
  print("Task Two:", ctx_var.get());
  co_return;
}
task<> ctx_main() {
  auto task1 = asyncio::create_task(ctx_task_one());
  auto task2 = asyncio::create_task(ctx_task_two());
  co_await asyncio::gather(futures(task1, task2));
}
}  // namespace global_race

TEST_CASE("the seed's global-variable race: a plain global is shared, a ContextVar is per task") {
  conformance::scenario s;
  in_fresh_context([&] {
    global_race::my_var = "new_val";
    s.run(global_race::main());
    s.print("global after the run: " + global_race::my_var);
    s.run(global_race::ctx_main());
    s.print("ContextVar after the run: " + global_race::ctx_var.get());
  });
  CHECK(s.transcript() == conformance::expected("context/global_race"));
}

TEST_CASE("copy_context shares the mapping, and a set in the copy leaves the original alone") {
  contextvars::context empty;
  CHECK(empty.size() == 0);
  contextvars::context_var<int> v("v");
  contextvars::context copy = empty.run([] { return contextvars::copy_context(); });
  CHECK(copy.size() == 0);
  copy.run([&] { v.set(1); });
  CHECK(copy.size() == 1);
  CHECK(empty.size() == 0);  // copy on write
  CHECK(!empty.contains(v));
}
