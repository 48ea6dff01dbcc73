// Code and picture tied together (ui/code_links.hpp): the outline of a program's defs, and the
// lines and lanes a recorded run's await chains give at a playhead, for nine_tasks_race. Every
// expected line is found in the tutorial's .py, never typed here.
#include <doctest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "../source_lines.hpp"
#include "tutorials/catalog.hpp"
#include "tutorials/session.hpp"
#include "ui/app_state.hpp"
#include "ui/code_links.hpp"
#include "ui/loop_stepper.hpp"

using namespace asyncrace;

namespace {

using testing::line_of;

// The code links read the loop's recorded snapshots; CPython's tie order, as the goldens.
tutorials::run_options with_loop_states() {
  tutorials::run_options o;
  o.loop_states = true;
  o.ties = tie_policy::cpython_heap;
  return o;
}

const char* nested = R"(import asyncio

class Worker:
    def __init__(self, n):
        self.n = n

    async def run(self,
                  delay):
        await asyncio.sleep(delay)

async def outer():
    async def inner():
        # a comment at column 0 does not close it
        await asyncio.sleep(1)
    await inner()

x = 1
)";

}  // namespace

TEST_CASE("the outline names each def as __qualname__ and spans its body") {
  const auto blocks = ui::outline(nested);
  REQUIRE(blocks.size() == 5);
  CHECK(blocks[0].qualname == "Worker");
  CHECK_FALSE(blocks[0].is_function);
  CHECK(blocks[1].qualname == "Worker.__init__");
  CHECK(blocks[2].qualname == "Worker.run");
  CHECK(blocks[3].qualname == "outer");
  CHECK(blocks[4].qualname == "outer.<locals>.inner");
  CHECK(ui::enclosing_function(blocks, line_of(nested, "await asyncio.sleep(delay)")) == "Worker.run");
  CHECK(ui::enclosing_function(blocks, line_of(nested, "delay):")) == "Worker.run");
  CHECK(ui::enclosing_function(blocks, line_of(nested, "await asyncio.sleep(1)")) == "outer.<locals>.inner");
  CHECK(ui::enclosing_function(blocks, line_of(nested, "await inner()")) == "outer");
  CHECK(ui::enclosing_function(blocks, line_of(nested, "x = 1")).empty());
  CHECK(ui::enclosing_function(blocks, line_of(nested, "class Worker")).empty());
  CHECK(ui::def_line(blocks, "inner") == line_of(nested, "async def inner"));
  CHECK(ui::def_line(blocks, "nothing") == 0);
}

TEST_CASE("nine_tasks_race at t = 0.5: nine workers asleep at their sleep line, gathers at theirs") {
  const tutorials::tutorial& t = *tutorials::find("nine_tasks_race");
  const tutorials::run_options o = with_loop_states();
  tutorials::session s(t, o);
  s.run_to_end();
  ui::loop_stepper stepper(s.trace(), ui::heap_order::deadline_only);
  stepper.seek_time(0.5);
  const auto& chains = stepper.picture().state.chains;
  REQUIRE(chains.size() == 13);  // main, three groups, nine workers: all pending at 0.5 s
  const std::string_view py = t.python_source;
  const unsigned sleep_line = line_of(py, "await asyncio.sleep(1)");
  const unsigned inner_gather = line_of(py, "await asyncio.gather(do_some_work(num)");
  const unsigned outer_gather = line_of(py, "await asyncio.gather(do_a_lot_of_work_in_parallel(num)");
  REQUIRE(sleep_line != 0);
  std::vector<unsigned> expected{inner_gather, sleep_line, outer_gather};
  std::sort(expected.begin(), expected.end());
  CHECK(ui::suspended_lines(chains) == expected);

  ui::code_links links;
  const std::vector<trace::task_lane>& lanes = s.trace().lanes();
  task_id worker = no_task;
  for (const trace::task_lane& lane : lanes)
    if (lane.coro == "do_some_work" && worker == no_task) worker = lane.id;
  REQUIRE(worker != no_task);
  links.hover_task(worker);
  links.point_at_line(sleep_line);
  const ui::code_highlights& h = links.update(chains, lanes, py);
  CHECK(h.hovered == std::vector<unsigned>{sleep_line});
  CHECK(h.function == "do_some_work");
  CHECK(h.lanes.size() == 9);
  for (task_id id : h.lanes) CHECK(s.trace().lane(id)->coro == "do_some_work");

  // At the end nothing is pending: no suspended line; a hovered lane shows its def line.
  stepper.seek_end();
  const ui::code_highlights& end = links.update(stepper.picture().state.chains, lanes, py);
  CHECK(end.suspended.empty());
  CHECK(end.hovered == std::vector<unsigned>{line_of(py, "async def do_some_work")});
  CHECK(end.lanes.size() == 9);  // their root coroutine is still that function
}

TEST_CASE("apply_chain_delta: finished tasks go, changed chains replace theirs, new ones come in order") {
  const auto chain = [](task_id t, unsigned line) {
    task_chain c;
    c.task = t;
    c.chain.started = true;
    c.chain.frames.push_back({"f", line});
    return c;
  };
  const std::vector<task_chain> at_snapshot{chain(1, 10), chain(2, 20), chain(4, 40)};
  chain_delta d;
  d.changed = {chain(2, 21), chain(3, 30), chain(5, 50)};
  d.finished = {4};
  CHECK(ui::apply_chain_delta(at_snapshot, d) == std::vector<task_chain>{chain(1, 10), chain(2, 21), chain(3, 30), chain(5, 50)});
  CHECK(ui::apply_chain_delta(at_snapshot, chain_delta{}) == at_snapshot);
  CHECK(ui::apply_chain_delta({}, d) == std::vector<task_chain>{chain(2, 21), chain(3, 30), chain(5, 50)});
}

TEST_CASE("nine_tasks_race stepped one loop iteration at a time: the newest iteration's chains are exact") {
  // The loop snapshots an iteration before its batch runs, so at the end of the newest recorded
  // iteration the recording alone shows the chains its batch began with; the session's delta
  // gives the ones it left, which a finished run's next snapshot records.
  const tutorials::tutorial& t = *tutorials::find("nine_tasks_race");
  const tutorials::run_options o = with_loop_states();
  tutorials::session full(t, o);
  full.run_to_end();
  ui::loop_stepper exact(full.trace(), ui::heap_order::deadline_only);

  tutorials::session live(t, o);
  ui::loop_stepper newest(live.trace(), ui::heap_order::deadline_only);
  const unsigned sleep_line = line_of(t.python_source, "await asyncio.sleep(1)");
  bool saw_workers_asleep = false;
  for (int guard = 0; guard < 1000 && !live.finished(); ++guard) {
    live.advance(live.next_event_time(), 1);
    if (newest.iterations() == 0) continue;
    newest.seek_end();
    chain_delta d;
    REQUIRE(live.chains_since_last_iteration(d));
    const std::vector<task_chain> now = ui::apply_chain_delta(newest.picture().state.chains, d);
    const std::size_t k = newest.iterations() - 1;
    CAPTURE(k);
    exact.seek({k, exact.steps_in(k)});
    CHECK(now == exact.picture().state.chains);
    const auto lines = ui::suspended_lines(now);
    if (std::count(lines.begin(), lines.end(), sleep_line) > 0 && live.now() < 1.0) saw_workers_asleep = true;
  }
  CHECK(live.finished());
  CHECK(saw_workers_asleep);
}

TEST_CASE("playing nine_tasks_race at 0.25x, frame by frame: the chains at the playhead are never a lap behind") {
  ui::app_state app;
  app.record_chains = true;  // as the page does
  REQUIRE(app.select("nine_tasks_race"));
  app.settings.ties = tie_policy::cpython_heap;
  app.settings.speed = ui::playback_speed::slow_motion;
  REQUIRE(app.run());
  REQUIRE(app.stepper() != nullptr);

  // The same run recorded to its end: a snapshot after every iteration gives its exact chains.
  const tutorials::run_options o = with_loop_states();
  tutorials::session full(*app.selected(), o);
  full.run_to_end();
  ui::loop_stepper exact(full.trace(), ui::heap_order::deadline_only);

  const std::string_view py = app.selected()->python_source;
  const unsigned sleep_line = line_of(py, "await asyncio.sleep(1)");
  const std::vector<unsigned> mid_race = [&] {
    std::vector<unsigned> v{line_of(py, "await asyncio.gather(do_some_work(num)"), sleep_line,
                            line_of(py, "await asyncio.gather(do_a_lot_of_work_in_parallel(num)")};
    std::sort(v.begin(), v.end());
    return v;
  }();
  int frames_mid_race = 0;
  for (int frame = 0; frame < 2000 && app.running(); ++frame) {
    app.tick(1.0 / 60.0);
    const double t = app.playhead();
    CAPTURE(t);
    exact.seek_time(t);
    CHECK(app.chains_at_playhead() == exact.picture().state.chains);
    if (t > 0.0 && t < 1.0) {
      ++frames_mid_race;
      // The workers' first steps ran at t = 0: they sleep at their line, not "not yet started".
      CHECK(ui::suspended_lines(app.chains_at_playhead()) == mid_race);
    }
  }
  CHECK_FALSE(app.running());
  CHECK(frames_mid_race > 100);  // 1 s of race at 0.25x: about 240 frames
  CHECK(app.chains_at_playhead() == exact.picture().state.chains);
}
