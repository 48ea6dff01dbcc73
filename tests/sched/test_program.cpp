// program / program_runner: module-level code with several asyncio.run calls on one loop, values
// displayed and kept until exit, an uncaught exception ending the program before exit warnings.
#include <doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "address_mask.hpp"
#include "program/program.hpp"
#include "pyrt/context.hpp"
#include "pyrt/py_exception.hpp"

using namespace asyncrace;

namespace {
struct lines_observer : loop_observer {
  std::vector<std::string> lines;
  void task_created(task_id, task_id, std::string_view, std::string_view, double) override {}
  void task_stepped(task_id, double) override {}
  void task_suspended(task_id, const wait_target&, double) override {}
  void task_finished(task_id, task_outcome, double) override {}
  void loop_blocked(task_id, double, double) override {}
  void output(task_id, output_stream s, std::string_view text, double t) override {
    const char* tag = s == output_stream::out ? "" : s == output_stream::warning ? "W " : "E ";
    lines.push_back(tag + std::string(text) + " @" + py_float_repr(t));
  }
};

task<int> nap(int n) {
  co_await asyncio::sleep(n);
  print("woke", n);
  co_return n * 10;
}

task<> idle() { co_return; }

task<> fails() {
  co_await asyncio::sleep(0.5);
  throw py_exception("ValueError", "late");
}

std::vector<std::string> run_program(program p) {
  event_loop loop;
  lines_observer obs;
  loop.set_observer(&obs);
  program_runner r(loop, std::move(p));
  CHECK_FALSE(r.finished());
  while (r.step()) {
  }
  CHECK(r.finished());
  for (std::string& line : obs.lines) line = testing::mask_addresses(line);
  return obs.lines;
}

program two_runs() {
  print("module start");
  const int a = co_await run_request<int>(nap(1), true);
  print("first run gave", a);
  const int b = co_await run_request<int>(nap(2), true);
  print("second run gave", b);
}

program displays() {
  display(idle());
  print("after display");
  co_return;  // a program without asyncio.run is still a coroutine
}

program uncaught() {
  display(idle());
  co_await run_request<void>(fails(), true);
  print("never printed");
}

contextvars::context_var<int> level("level");

task<> reads_level() {
  print("task sees", level.get(0));
  co_return;
}

program sets_level() {
  print("module sees", level.get(0));
  level.set(7);
  co_await run_request<void>(reads_level(), true);
}

program caught() {
  try {
    co_await run_request<void>(fails(), true);
  } catch (const py_exception& e) {
    print("caught", e.python_text());
  }
}
}  // namespace

TEST_CASE("a program's runs share one clock, each resumes the module code with main's result") {
  CHECK(run_program(two_runs()) == std::vector<std::string>{
                                       "module start @0.0", "woke 1 @1.0", "first run gave 10 @1.0",
                                       "woke 2 @3.0", "second run gave 20 @3.0"});
}

TEST_CASE("a displayed coroutine prints its repr and warns from sys:1 only when the program ends") {
  CHECK(run_program(displays()) ==
        std::vector<std::string>{"<coroutine object idle at 0x...> @0.0", "after display @0.0",
                                 "W sys:1: RuntimeWarning: coroutine 'idle' was never awaited @0.0"});
}

TEST_CASE("an exception main raises ends the program: its line, then the exit warnings") {
  CHECK(run_program(uncaught()) ==
        std::vector<std::string>{"<coroutine object idle at 0x...> @0.0", "E ValueError: late @0.5",
                                 "W sys:1: RuntimeWarning: coroutine 'idle' was never awaited @0.5"});
}

TEST_CASE("module code can catch what asyncio.run raised and go on") {
  CHECK(run_program(caught()) == std::vector<std::string>{"caught ValueError: late @0.5"});
}

TEST_CASE("each program has its own contextvars context, copied by its tasks") {
  const std::vector<std::string> expected{"module sees 0 @0.0", "task sees 7 @0.0"};
  CHECK(run_program(sets_level()) == expected);
  CHECK(run_program(sets_level()) == expected);  // nothing of the first program is left
  CHECK(level.get(0) == 0);
}
