// The Event loop view's stepper (src/ui/loop_stepper): pops and callbacks one at a time, loop
// iterations, printed lines, scrubbing; and the picture at a position is the same however it was
// reached (forward k then back k returns the identical picture).
#include <doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "tutorials/catalog.hpp"
#include "tutorials/session.hpp"
#include "ui/loop_stepper.hpp"

using namespace asyncrace;

namespace {

std::unique_ptr<tutorials::session> recorded(const char* slug, tie_policy ties) {
  tutorials::run_options o;
  o.ties = ties;
  o.loop_states = true;
  auto s = std::make_unique<tutorials::session>(*tutorials::find(slug), o);
  s->run_to_end();
  return s;
}

ui::heap_order order_for(tie_policy p) {
  return p == tie_policy::cpython_heap ? ui::heap_order::deadline_only : ui::heap_order::deadline_then_seq;
}

// The picture a fresh stepper shows at `p`: the reference every other route must reach.
ui::loop_picture fresh_picture(const trace::recording& r, tie_policy ties, ui::loop_position p) {
  ui::loop_stepper fresh(r, order_for(ties));
  fresh.seek(p);
  return fresh.picture();
}

}  // namespace

TEST_CASE("loop stepper: stepping pop by pop shows nine_tasks_race's heap pop in its finish order") {
  for (tie_policy ties : {tie_policy::cpython_heap, tie_policy::fifo}) {
    const auto run = recorded("nine_tasks_race", ties);
    const trace::recording& r = run->trace();
    ui::loop_stepper s(r, order_for(ties));
    REQUIRE(s.iterations() > 2);
    // Before each pop the view's "next pop" is the heap's root; collect them one step at a time.
    std::vector<task_id> next_pops, recorded_pops;
    for (bool more = true; more; more = s.step(+1)) {
      const ui::loop_picture& p = s.picture();
      if (p.pops_done < p.state.popped.size()) {
        REQUIRE_FALSE(p.heap.empty());
        next_pops.push_back(p.heap.front().task);
        CHECK(p.heap.front().seq == p.state.popped[p.pops_done].seq);
      }
      if (s.position().sub == 0)
        for (const timer_entry& e : p.state.popped) recorded_pops.push_back(e.task);
    }
    CHECK(next_pops == recorded_pops);
    // The nine workers finish in the order their sleeps popped.
    std::vector<task_id> workers;
    for (task_id id : r.finish_order())
      for (task_id popped : next_pops)
        if (popped == id) workers.push_back(id);
    REQUIRE(workers.size() == 9);
    CHECK(std::vector<task_id>(next_pops.end() - 9, next_pops.end()) == workers);
  }
}

TEST_CASE("loop stepper: forward k then back k returns the identical picture, by every kind of step") {
  const auto run = recorded("nine_tasks_race", tie_policy::cpython_heap);
  const trace::recording& r = run->trace();
  ui::loop_stepper s(r, ui::heap_order::deadline_only);
  std::size_t total = 0;
  for (std::size_t k = 0; k < s.iterations(); ++k) total += s.steps_in(k) + 1;
  for (std::size_t start : {std::size_t{0}, std::size_t{3}, total / 2}) {
    for (std::size_t k : {std::size_t{1}, std::size_t{5}, total / 3, total}) {
      s.seek({});
      for (std::size_t i = 0; i < start; ++i) s.step(+1);
      const ui::loop_position origin = s.position();
      const ui::loop_picture before = s.picture();
      std::size_t moved = 0;
      while (moved < k && s.step(+1)) ++moved;
      CHECK(s.picture() == fresh_picture(r, tie_policy::cpython_heap, s.position()));
      for (std::size_t i = 0; i < moved; ++i) REQUIRE(s.step(-1));
      CHECK(s.position() == origin);
      CHECK(s.picture() == before);
    }
  }
  // Whole iterations: from an iteration's start, forward k and back k.
  s.seek({});
  const ui::loop_picture first = s.picture();
  std::size_t moved = 0;
  while (s.step_iteration(+1) && s.position().sub == 0) ++moved;
  CHECK(moved + 1 == s.iterations());
  s.seek({s.iterations() - 1, 0});
  for (std::size_t i = 0; i < moved; ++i) REQUIRE(s.step_iteration(-1));
  CHECK(s.picture() == first);
}

TEST_CASE("loop stepper: printed lines, one at a time, both ways") {
  const auto run = recorded("nine_tasks_race", tie_policy::cpython_heap);
  const trace::recording& r = run->trace();
  ui::loop_stepper s(r, ui::heap_order::deadline_only);
  std::vector<std::size_t> printed{s.picture().lines_printed};
  while (s.step_line(+1)) {
    CHECK(s.picture().lines_printed > printed.back());
    printed.push_back(s.picture().lines_printed);
  }
  CHECK(printed.back() == r.lines().size());
  CHECK_FALSE(s.step_line(+1));
  for (std::size_t i = printed.size() - 1; i-- > 0;) {
    if (!s.step_line(-1)) {
      CHECK(i == 0);  // lines printed before the first iteration cannot be stepped back over
      break;
    }
    CHECK(s.picture().lines_printed == printed[i]);
  }
}

TEST_CASE("loop stepper: scrubbing goes to the end of the last iteration at or before the time") {
  const auto run = recorded("nine_tasks_race", tie_policy::cpython_heap);
  const trace::recording& r = run->trace();
  ui::loop_stepper s(r, ui::heap_order::deadline_only);
  s.seek_time(0.5);
  CHECK(s.time() == 0.0);
  CHECK(s.position().sub == s.steps_in(s.position().iteration));
  CHECK(s.picture().heap.size() == 9);  // all nine sleeps pushed, none popped
  s.seek_time(1.0);
  CHECK(s.time() == 1.0);
  s.seek_end();
  CHECK(s.picture().lines_printed == r.lines().size());
  CHECK(s.picture().heap.empty());
  // Scrubbing to a time and stepping there give the same picture.
  s.seek_time(1.0);
  const ui::loop_position at = s.position();
  CHECK(s.picture() == fresh_picture(r, tie_policy::cpython_heap, at));
}
