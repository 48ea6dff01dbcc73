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
#include "ui/code_links.hpp"
#include "ui/loop_stepper.hpp"

using namespace asyncrace;

namespace {

using testing::line_of;

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
  tutorials::run_options o;
  o.loop_states = true;
  o.ties = tie_policy::cpython_heap;
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
