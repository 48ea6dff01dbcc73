// The race diagram's per-run digest: the same answers as working them out from the whole run every
// frame (order_lanes, layout_pool_lanes, finish_tokens, the pending deadlines), only less often.
#include <doctest.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "tutorials/catalog.hpp"
#include "tutorials/session.hpp"
#include "ui/finish_summary.hpp"
#include "ui/run_digest.hpp"

using namespace asyncrace;
using namespace asyncrace::ui;

namespace {

bool same_rows(const std::vector<lane_row>& a, const std::vector<lane_row>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const lane_row& x, const lane_row& y) { return x.lane == y.lane && x.depth == y.depth; });
}

}  // namespace

TEST_CASE("the digest of nine_tasks_race agrees with the whole-run answers at every playhead") {
  const tutorials::tutorial* t = tutorials::find("nine_tasks_race");
  REQUIRE(t != nullptr);
  tutorials::session run(*t, {t->info->ties});
  run_digest d;
  // Part-way: sleeps pending until t = 1 reach the horizon before anything has happened there.
  run.advance(0.5, 100000);
  d.update(run.trace(), 1, 0.5, true);
  CHECK(same_rows(d.order(), order_lanes(run.trace().lanes())));
  CHECK(d.horizon() == doctest::Approx(1.0));
  CHECK(d.finish_tokens().empty());
  run.run_to_end();
  for (double playhead : {0.0, 0.5, 1.0}) {
    d.update(run.trace(), 1, playhead);
    CAPTURE(playhead);
    CHECK(same_rows(d.order(), order_lanes(run.trace().lanes())));
    CHECK(d.finish_tokens() == finish_tokens(run.trace(), playhead));
    CHECK(d.horizon() == doctest::Approx(std::max(run.trace().end_time(), playhead)));
  }
  CHECK(d.finish_tokens().size() == 9);
  // Every task step is in the density, in the bin of its time.
  std::size_t steps = 0;
  for (const trace::task_lane& lane : run.trace().lanes()) steps += lane.steps.size();
  const auto& density = d.density();
  REQUIRE(density.size() == density_bins);
  CHECK(std::accumulate(density.begin(), density.end(), std::size_t{0}) == steps);
  CHECK(density.front() > 0);  // everything starts at t = 0
  CHECK(density.back() > 0);   // and the workers wake at t = 1, the end
}

TEST_CASE("finding a task: by name, coroutine or printed text, wrapping, counting the matches") {
  const tutorials::tutorial* t = tutorials::find("nine_tasks_race");
  REQUIRE(t != nullptr);
  tutorials::session run(*t, {t->info->ties});
  run.run_to_end();
  run_digest d;
  d.update(run.trace(), 7, run.trace().end_time());
  const auto& lanes = run.trace().lanes();
  const auto lane_at = [&](int row) { return lanes[d.order()[static_cast<std::size_t>(row)].lane]; };
  std::size_t count = 0;
  const int first = d.find("do_some_work", -1, &count);
  CHECK(count == 9);
  REQUIRE(first >= 0);
  CHECK(lane_at(first).coro == "do_some_work");
  const int second = d.find("do_some_work", first);
  CHECK(second > first);
  const int named = d.find("Task-1", -1);
  REQUIRE(named >= 0);
  CHECK(lane_at(named).name == "Task-1");
  const int printed = d.find("work 31", -1);
  REQUIRE(printed >= 0);
  CHECK(lane_at(printed).first_output == "Starting work 31");
  CHECK(d.find("work 31", printed) == printed);  // the only one: found again after wrapping
  CHECK(d.find("no such task", -1, &count) == -1);
  CHECK(count == 0);
  CHECK(d.find("", -1) == -1);
}

TEST_CASE("a new run (serial) replaces the digest even at the same address") {
  const tutorials::tutorial* a = tutorials::find("gather_three");
  const tutorials::tutorial* b = tutorials::find("nine_tasks_race");
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  run_digest d;
  tutorials::session first(*a, {});
  first.run_to_end();
  d.update(first.trace(), 1, first.trace().end_time());
  CHECK(d.order().size() == first.trace().lanes().size());
  tutorials::session second(*b, {});
  second.run_to_end();
  d.update(second.trace(), 2, second.trace().end_time());
  CHECK(d.order().size() == second.trace().lanes().size());
}

TEST_CASE("finish tokens among many silent finishers: the first 256 that printed, cut at the playhead") {
  // 2,000 tasks finish one a millisecond; every seventh printed something first.
  trace::recording r;
  r.task_created(1, no_task, "Task-1", "main", 0.0);
  for (task_id id = 2; id < 2002; ++id) {
    r.task_created(id, 1, "Task-" + std::to_string(id), "work", 0.0);
    if (id % 7 == 0) r.output(id, output_stream::out, "done " + std::to_string(id), 0.0);
  }
  for (task_id id = 2; id < 2002; ++id) r.task_finished(id, task_outcome::result, id * 1e-3);
  run_digest d;
  for (double playhead : {0.0, 0.1, 0.5, 1.0, 1.79, 1.8, 2.5}) {
    d.update(r, 1, playhead);
    CAPTURE(playhead);
    std::vector<std::string> all = finish_tokens(r, playhead);  // every one, in finish order
    all.resize(std::min(all.size(), max_finish_tokens));
    CHECK(d.finish_tokens() == all);
  }
  CHECK(d.finish_tokens().size() == max_finish_tokens);  // 285 printed; only the first 256 show
  d.update(r, 1, 0.1);
  CHECK(d.finish_tokens().size() == 14);  // tasks 7, 14, ..., 98 finished by t = 0.1
}
