// An interpreted run in slices (run_options::step_slice, python/slices.hpp): each advance() spends
// at most its slice of instructions, even inside one Task's step or one stretch of module code,
// and goes on there next time; the run, its trace and its transcript are those of an unsliced run.
#include <doctest.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <string>

#include "python/program_run.hpp"
#include "trace/transcript.hpp"
#include "tutorials/catalog.hpp"
#include "tutorials/session.hpp"

using namespace asyncrace;

namespace {

constexpr double forever = std::numeric_limits<double>::infinity();

std::unique_ptr<tutorials::session> interpreted(std::string text, std::uint64_t slice, std::uint64_t max_steps = 0) {
  python::program_options po;
  if (max_steps) po.limits.max_steps = max_steps;
  auto p = std::make_shared<python::compiled_program>(python::source_file("prog.py", std::move(text)), po);
  tutorials::run_options o;
  o.ties = tie_policy::cpython_heap;
  o.step_slice = slice;
  o.loop_states = true;
  return std::make_unique<tutorials::session>(std::move(p), o);
}

// Advances until the run ends (at most `limit` calls); the number of calls it took.
int advances_to_end(tutorials::session& s, int limit = 100000) {
  int calls = 0;
  while (!s.finished() && calls < limit) {
    s.advance(forever);
    ++calls;
  }
  return calls;
}

// A task that computes for a while inside one step, beside others that sleep and print.
const char* busy_race = R"(import asyncio

async def spin(n):
    total = 0
    for i in range(n):
        total += i
    print("spun", n, total)
    return total

async def nap(name, d):
    await asyncio.sleep(d)
    print(name, "woke")

async def main():
    r = await asyncio.gather(nap("a", 0), spin(30000), nap("b", 0), spin(20000))
    print(r[1] + r[3])

asyncio.run(main())
total = 0
for i in range(50000):
    total += i
print("module", total)
)";

}  // namespace

TEST_CASE("a sliced run stops inside a Task's step and inside module code, and prints what an unsliced one does") {
  auto whole = interpreted(busy_race, 0);
  CHECK(advances_to_end(*whole) == 1);  // no slices: one advance runs it all
  auto sliced = interpreted(busy_race, 5000);
  const int calls = advances_to_end(*sliced);
  CHECK(sliced->finished());
  CHECK(sliced->error().empty());
  // ~ 30000 + 20000 loop iterations in tasks and 50000 at module level, several instructions each.
  CHECK(calls > 50);
  CHECK(trace::to_text(sliced->trace()) == trace::to_text(whole->trace()));
  CHECK(trace::to_jsonl(sliced->trace()) == trace::to_jsonl(whole->trace()));
  CHECK(sliced->trace().lines().size() == 6);
}

TEST_CASE("a slice's end leaves the loop mid-iteration at the same virtual time, with no step recorded twice") {
  auto s = interpreted(busy_race, 2000);
  std::size_t most_lines = 0;
  while (!s->finished()) {
    const double before = s->now();
    s->advance(forever);
    if (!s->finished()) CHECK(s->next_event_time() <= std::max(before, s->now()));
    most_lines = std::max(most_lines, s->trace().lines().size());
  }
  auto whole = interpreted(busy_race, 0);
  whole->run_to_end();
  CHECK(most_lines == whole->trace().lines().size());
  CHECK(s->trace().loop_states().size() == whole->trace().loop_states().size());
}

TEST_CASE("while True: pass runs in slices until the step cap, whose message ends the run") {
  auto s = interpreted("while True:\n    pass\n", 10000, 200000);
  s->advance(forever);
  CHECK_FALSE(s->finished());  // one slice, not the whole cap
  const int calls = advances_to_end(*s);
  CHECK(s->finished());
  CHECK(calls >= 19);  // 200000 instructions in slices of 10000
  CHECK(s->error().find("LimitReached") != std::string::npos);
  auto whole = interpreted("while True:\n    pass\n", 0, 200000);
  whole->run_to_end();
  CHECK(s->error() == whole->error());
  CHECK(trace::to_text(s->trace()) == trace::to_text(whole->trace()));
}

TEST_CASE("a stopped run mid-slice is torn down cleanly (its task's step never finishes)") {
  auto s = interpreted("import asyncio\nasync def f():\n    while True:\n        pass\nasyncio.run(f())\n", 1000);
  for (int i = 0; i < 5; ++i) s->advance(forever);
  CHECK_FALSE(s->finished());
  s.reset();  // the page's Stop, then a new run: nothing leaks or crashes (ASan)
  CHECK(s == nullptr);
}

TEST_CASE("a deep recursion stops between slices too") {
  const char* deep = "def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(sum([f(900) for _ in range(30)]))\n";
  auto whole = interpreted(deep, 0);
  whole->run_to_end();
  auto s = interpreted(deep, 3000);
  CHECK(advances_to_end(*s) > 10);  // ~ 30 x 900 calls of several instructions each
  REQUIRE(s->trace().lines().size() == 1);
  CHECK(s->trace().lines()[0].text.find("27000") == 0);
  CHECK(trace::to_text(s->trace()) == trace::to_text(whole->trace()));
}
