// Await chains recorded per loop iteration (loop/await_chain.hpp, trace/chain_steps.hpp) on real
// runs, for a C++ twin and for the interpreter running the same Python: the frames name the
// right functions and the Python lines where they wait (found in the tutorial's .py, not typed
// here), the innermost awaits the right thing, and stepping through the recording in either
// direction restores the same chains.
#include <doctest.h>

#include <algorithm>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source_lines.hpp"
#include "python/program_run.hpp"
#include "tutorials/catalog.hpp"
#include "loop/coro_names.hpp"
#include "tutorials/session.hpp"

using namespace asyncrace;

namespace {

std::unique_ptr<tutorials::session> run_with_states(std::string_view slug, bool interpreted) {
  const tutorials::tutorial& t = *tutorials::find(slug);
  tutorials::run_options o;
  o.loop_states = true;
  std::unique_ptr<tutorials::session> s;
  if (interpreted) {
    auto p = std::make_shared<python::compiled_program>(
        python::source_file(std::string(slug) + ".py", std::string(t.python_source)), python::program_options{});
    s = std::make_unique<tutorials::session>(std::move(p), o);
  } else {
    s = std::make_unique<tutorials::session>(t, o);
  }
  s->run_to_end();
  return s;
}

using testing::line_of;

// The frames of a chain that are the program's own (library frames such as the interpreter's
// native `sleep` have no line): what a twin and an interpreted run must agree on.
std::vector<await_frame> program_frames(const await_chain& c) {
  std::vector<await_frame> out;
  for (const await_frame& f : c.frames)
    if (f.line) out.push_back(f);
  return out;
}

using chain_test = std::function<bool(const trace::loop_state&, const task_chain&)>;

// The first recorded iteration with a pending task whose chain passes `pred`.
std::optional<std::pair<trace::loop_state, task_chain>> find_chain(const trace::loop_steps& steps, const chain_test& pred) {
  trace::loop_steps::cursor c(steps);
  do {
    trace::loop_state s = c.state();
    for (const task_chain& tc : s.chains)
      if (pred(s, tc)) return std::pair{s, tc};
  } while (c.forward());
  return std::nullopt;
}

bool outermost_is(const task_chain& c, std::string_view function) {
  return !c.chain.frames.empty() && c.chain.frames.front().function == function;
}

void check_create_task_vs_await(bool interpreted) {
  const std::string_view py = tutorials::find("create_task_vs_await")->python_source;
  auto s = run_with_states("create_task_vs_await", interpreted);
  const trace::loop_steps& steps = s->trace().loop_states();
  REQUIRE(steps.size() > 3);
  const unsigned sleep_line = line_of(py, "await asyncio.sleep(1)");
  REQUIRE(sleep_line > 0);

  // seq() awaits job(1) inline: one task, two frames, the innermost in a sleep.
  auto seq = find_chain(steps, [](const trace::loop_state&, const task_chain& c) {
    return outermost_is(c, "seq") && c.chain.started;
  });
  REQUIRE(seq);
  const std::vector<await_frame> want_seq{{"seq", line_of(py, "await job(1)")}, {"job", sleep_line}};
  CHECK(program_frames(seq->second.chain) == want_seq);
  CHECK(seq->second.chain.awaits.kind == wait_kind::sleep);
  // A snapshot is taken after due timers moved to the ready queue: the deadline may be now.
  CHECK(seq->second.chain.awaits.deadline >= seq->first.t);
  CHECK(seq->second.chain.awaits.deadline <= seq->first.t + 1.0);

  // tasks_then_await() awaits Task t1, itself pending in job's sleep (once t1 has started).
  auto then = find_chain(steps, [](const trace::loop_state& st, const task_chain& c) {
    if (!outermost_is(c, "tasks_then_await") || c.chain.awaits.kind != wait_kind::task) return false;
    return std::any_of(st.chains.begin(), st.chains.end(),
                       [&](const task_chain& o) { return o.task == c.chain.awaits.target && o.chain.started; });
  });
  REQUIRE(then);
  const unsigned await_t1 = line_of(py, "await t1");
  CHECK(program_frames(then->second.chain) == std::vector<await_frame>{{"tasks_then_await", await_t1}});
  const task_id t1 = then->second.chain.awaits.target;
  const task_chain* awaited = nullptr;
  for (const task_chain& c : then->first.chains)
    if (c.task == t1) awaited = &c;
  REQUIRE(awaited);
  CHECK(program_frames(awaited->chain) == std::vector<await_frame>{{"job", sleep_line}});
  CHECK(awaited->chain.awaits.kind == wait_kind::sleep);

  // gather_example() awaits a gather of three jobs.
  auto gathered = find_chain(steps, [](const trace::loop_state&, const task_chain& c) {
    return outermost_is(c, "gather_example") && c.chain.started;
  });
  REQUIRE(gathered);
  CHECK(program_frames(gathered->second.chain) ==
        std::vector<await_frame>{{"gather_example", line_of(py, "await asyncio.gather(job(1), job(2), job(3))")}});
  CHECK(gathered->second.chain.awaits.kind == wait_kind::gather);
  CHECK(gathered->second.chain.awaits.count == 3);
}

// Every chain at every iteration, stepping forward; then back, each must be the same again, and
// the same as a fresh cursor sought there.
void check_chains_step_back(std::string_view slug, bool interpreted) {
  auto s = run_with_states(slug, interpreted);
  const trace::loop_steps& steps = s->trace().loop_states();
  REQUIRE(steps.size() > 2);
  std::vector<std::vector<task_chain>> forward;
  trace::loop_steps::cursor c(steps);
  do {
    forward.push_back(c.chains());
  } while (c.forward());
  REQUIRE(forward.size() == steps.size());
  std::size_t nonempty = 0;
  for (const auto& f : forward) nonempty += f.empty() ? 0 : 1;
  CHECK(nonempty > steps.size() / 2);  // the run has pending tasks most of the time
  for (std::size_t k = forward.size(); k-- > 0;) {
    CHECK(c.position() == k);
    CHECK(c.chains() == forward[k]);
    CHECK(steps.at(k).chains == forward[k]);
    c.back();
  }
  // Before its first step a task stands at its def line, awaiting nothing yet.
  const task_chain& first = forward.front().front();
  CHECK_FALSE(first.chain.started);
  CHECK(first.chain.frames.size() == 1);
}

}  // namespace

TEST_CASE("await chains: a C++ twin's frames, lines and awaited things (create_task_vs_await)") {
  check_create_task_vs_await(false);
}

TEST_CASE("await chains: the interpreter's frames agree with the twin's (create_task_vs_await)") {
  check_create_task_vs_await(true);
}

TEST_CASE("await chains: gather_three's workers wait in their sleep, main in the gather") {
  for (bool interpreted : {false, true}) {
    CAPTURE(interpreted);
    const std::string_view py = tutorials::find("gather_three")->python_source;
    auto s = run_with_states("gather_three", interpreted);
    auto three = find_chain(s->trace().loop_states(), [](const trace::loop_state& st, const task_chain&) {
      std::size_t sleeping = 0;
      for (const task_chain& c : st.chains)
        sleeping += outermost_is(c, "do_some_work") && c.chain.awaits.kind == wait_kind::sleep ? 1 : 0;
      return sleeping == 3;
    });
    REQUIRE(three);
    for (const task_chain& c : three->first.chains) {
      if (outermost_is(c, "do_some_work")) {
        CHECK(program_frames(c.chain) == std::vector<await_frame>{{"do_some_work", line_of(py, "await asyncio.sleep(1)")}});
        CHECK(c.chain.awaits.deadline == doctest::Approx(1.0));
      } else {
        CHECK(program_frames(c.chain) ==
              std::vector<await_frame>{{"do_a_lot_of_work_in_parallel", line_of(py, "await asyncio.gather(")}});
        CHECK(c.chain.awaits.kind == wait_kind::gather);
      }
    }
  }
}

TEST_CASE("await chains: stepping back restores the chains seen stepping forward") {
  for (std::string_view slug : {"create_task_vs_await", "gather_three", "sequential_await"}) {
    for (bool interpreted : {false, true}) {
      CAPTURE(slug);
      CAPTURE(interpreted);
      check_chains_step_back(slug, interpreted);
    }
  }
}

TEST_CASE("an interpreted program's thousand coroutine objects of one function share one name") {
  // Each coroutine object has its own qualname string; the scheduler's frames are named by the
  // interned one, so the table of coroutine names (loop/coro_names.hpp) does not grow per object.
  const char* program =
      "import asyncio\n"
      "async def work(i):\n"
      "    await asyncio.sleep(i % 3)\n"
      "async def main():\n"
      "    await asyncio.gather(*(work(i) for i in range(1000)))\n"
      "    print('done')\n"
      "asyncio.run(main())\n";
  const auto run = [&] {
    auto p = std::make_shared<python::compiled_program>(python::source_file("many.py", program),
                                                        python::program_options{});
    tutorials::session s(std::move(p), tutorials::run_options{});
    s.run_to_end();
    CHECK(s.error().empty());
  };
  run();  // the first run numbers the names it meets (its literals, its interned names)
  const std::uint32_t before = detail::coro_names_numbered();
  run();  // a second interpreter interns its own names: a handful more, not a thousand
  CHECK(detail::coro_names_numbered() - before < 50);
}
