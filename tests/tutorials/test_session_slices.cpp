// An interpreted run in slices (run_options::step_slice, python/slices.hpp): each advance() spends
// at most its slice of instructions, even inside one Task's step or one stretch of module code,
// and goes on there next time; the run, its trace and its transcript are those of an unsliced run.
#include <doctest.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <string>

#include "loop/event_loop.hpp"
#include "python/program_run.hpp"
#include "python/slice_tuner.hpp"
#include "trace/transcript.hpp"
#include "tutorials/catalog.hpp"
#include "tutorials/session.hpp"

using namespace asyncrace;

namespace {

constexpr double forever = std::numeric_limits<double>::infinity();

std::unique_ptr<tutorials::session> interpreted(std::string text, std::uint64_t slice, std::uint64_t max_steps = 0,
                                                double slice_ms = 0.0) {
  python::program_options po;
  if (max_steps) po.limits.max_steps = max_steps;
  auto p = std::make_shared<python::compiled_program>(python::source_file("prog.py", std::move(text)), po);
  tutorials::run_options o;
  o.ties = tie_policy::cpython_heap;
  o.step_slice = slice;
  o.slice_ms = slice_ms;
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

TEST_CASE("the slice tuner sizes the next slice to take the target time, at most 2x either way, within bounds") {
  python::slice_tuner t;  // the page's: start 300k, 20k .. 5M, 9 ms
  CHECK(t.size() == 300'000);
  t.record(300'000, 6.0);  // 50k a ms: 9 ms is 450k
  CHECK(t.size() == 450'000);
  t.record(450'000, 9.0);  // on target: stays
  CHECK(t.size() == 450'000);
  t.record(450'000, 90.0);  // ten times too slow (5k a ms): halved, not cut to 45k at once
  CHECK(t.size() == 225'000);
  t.record(225'000, 45.0);
  CHECK(t.size() == 112'500);
  t.record(112'500, 22.5);
  CHECK(t.size() == 56'250);
  t.record(56'250, 11.25);
  CHECK(t.size() == 45'000);  // arrived: 5k a ms x 9 ms
  for (int i = 0; i < 10; ++i) t.record(t.size(), static_cast<double>(t.size()) / 100.0);  // 100 a ms
  CHECK(t.size() == 20'000);  // the floor (100 x 9 = 900 would barely move the program)
  for (int i = 0; i < 20; ++i) t.record(t.size(), 0.0);  // faster than the clock: doubles
  CHECK(t.size() == 5'000'000);  // the ceiling
  t.record(0, 5.0);  // nothing ran: no news
  t.record(1000, std::numeric_limits<double>::quiet_NaN());
  CHECK(t.size() == 5'000'000);

  python::slice_bounds b;
  b.start = 10;  // below the floor: starts at it
  CHECK(python::slice_tuner(b).size() == 20'000);
  b.start = 1'000'000;
  b.target_ms = 4.0;
  python::slice_tuner fast(b);
  fast.record(1'000'000, 10.0);  // 100k a ms: 4 ms is 400k
  CHECK(fast.size() == 500'000);  // half of 1M at most, not 400k at once
}

TEST_CASE("adaptive slices (run_options::slice_ms) change only where slices stop: the run is an unsliced one's") {
  auto whole = interpreted(busy_race, 0);
  whole->run_to_end();
  // Sizes follow this machine's clock, so how many advances it takes varies; what runs does not.
  auto adaptive = interpreted(busy_race, 3000, 0, 0.05);
  const int calls = advances_to_end(*adaptive);
  CHECK(adaptive->finished());
  CHECK(calls > 1);
  CHECK(trace::to_text(adaptive->trace()) == trace::to_text(whole->trace()));
  CHECK(trace::to_jsonl(adaptive->trace()) == trace::to_jsonl(whole->trace()));
}

namespace {
std::unique_ptr<tutorials::session> twin(std::string_view slug, double slice_ms) {
  const tutorials::tutorial* t = tutorials::find(slug);
  REQUIRE(t != nullptr);
  tutorials::run_options o;
  o.ties = tie_policy::cpython_heap;
  o.slice_ms = slice_ms;
  o.loop_states = true;
  return std::make_unique<tutorials::session>(*t, o);
}
}  // namespace

TEST_CASE("a C++ twin in slices of wall time (slice_ms) stops inside an iteration's batch, and the run is an unsliced one's") {
  auto whole = twin("scale_10k", 0.0);
  CHECK(advances_to_end(*whole) == 1);
  // A slice shorter than any batch check: each advance stops at the first check it reaches, so the
  // iteration of 10,000 first steps takes over 10000 / batch_check_interval advances.
  auto sliced = twin("scale_10k", 1e-9);
  int mid_batch = 0;  // advances that returned in the middle of an iteration
  for (int calls = 0; !sliced->finished() && calls < 1000000; ++calls) {
    sliced->advance(forever);
    if (sliced->mid_iteration()) ++mid_batch;
  }
  CHECK(sliced->finished());
  CHECK(sliced->error().empty());
  CHECK(mid_batch >= 10000 / static_cast<int>(event_loop::batch_check_interval));
  CHECK(trace::to_text(sliced->trace()) == trace::to_text(whole->trace()));
  CHECK(trace::to_jsonl(sliced->trace()) == trace::to_jsonl(whole->trace()));
  CHECK(sliced->trace().loop_states().size() == whole->trace().loop_states().size());
}
