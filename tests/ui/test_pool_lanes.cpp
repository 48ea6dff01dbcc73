// Pool lanes of the race diagram: which (pool, worker) rows, which job bars, what is under the mouse.
#include <doctest.h>

#include <set>
#include <string>
#include <vector>

#include "tutorials/catalog.hpp"
#include "tutorials/session.hpp"
#include "ui/pool_lanes.hpp"

using namespace asyncrace;
using namespace asyncrace::ui;

namespace {

trace::pool_job job(std::uint32_t pool, std::uint32_t worker, const char* what, double queued, double start,
                    double end, task_id for_task = 1) {
  return {pool, worker, what, queued, start, end, for_task};
}

}  // namespace

TEST_CASE("one row per (pool, worker) that ran a job, ordered by pool then worker") {
  const std::vector<trace::pool_job> jobs = {
      job(1, 2, "cpu_bound", 0.0, 0.0, 1.0), job(0, 0, "blocking_io", 0.0, 0.0, 1.0),
      job(1, 0, "cpu_bound", 0.0, 0.0, 1.0), job(1, 2, "cpu_bound", 0.0, 1.0, 2.0),
      job(0, 0, "cpu_bound", 0.5, 1.0, 1.5)};
  const auto lanes = layout_pool_lanes(jobs, 10.0);
  REQUIRE(lanes.size() == 3);
  CHECK(lanes[0].pool == 0);
  CHECK(lanes[0].worker == 0);
  CHECK(lanes[0].label == "pool 0 \xc2\xb7 worker 0");
  CHECK(lanes[0].names == "blocking_io, cpu_bound");
  CHECK(lanes[1].label == "pool 1 \xc2\xb7 worker 0");
  CHECK(lanes[2].label == "pool 1 \xc2\xb7 worker 2");
  CHECK(lanes[2].names == "cpu_bound");
  CHECK(lanes[2].jobs == std::vector<std::size_t>{0, 3});
}

TEST_CASE("an unfinished run shows jobs up to the playhead only") {
  const std::vector<trace::pool_job> jobs = {job(0, 0, "cpu_bound", 0.0, 0.0, 1.0),
                                             job(0, 1, "cpu_bound", 0.0, 0.5, 1.5),
                                             job(0, 0, "cpu_bound", 0.0, 1.0, 2.0)};
  CHECK(layout_pool_lanes(jobs, -1.0).empty());
  const auto at = layout_pool_lanes(jobs, 0.75);
  REQUIRE(at.size() == 2);  // worker 1 has started its job; worker 0's second job has not
  CHECK(at[0].jobs.size() == 1);
  const time_axis axis{0.0, 100.0};
  const auto bars = job_bars(at[0], jobs, axis, 500.0f, 0.75);
  REQUIRE(bars.size() == 1);
  CHECK(bars[0].x0 == doctest::Approx(0.0f));
  CHECK(bars[0].x1 == doctest::Approx(75.0f));  // still running: ends at the playhead
  CHECK_FALSE(bars[0].returned);
  const auto later = job_bars(layout_pool_lanes(jobs, 5.0)[0], jobs, axis, 500.0f, 5.0);
  REQUIRE(later.size() == 2);
  CHECK(later[0].returned);
  CHECK(later[1].queued == doctest::Approx(0.0f));  // its queue wait: from 0 to its start at 1 s
  CHECK(later[1].x0 == doctest::Approx(100.0f));
  CHECK(later[1].x1 == doctest::Approx(200.0f));
}

TEST_CASE("bars are culled to the view and sub-pixel jobs fold") {
  std::vector<trace::pool_job> jobs;
  for (int i = 0; i < 100000; ++i) jobs.push_back(job(0, 0, "cpu_bound", i * 1e-4, i * 1e-4, i * 1e-4 + 5e-5));
  const auto lanes = layout_pool_lanes(jobs, 100.0);
  REQUIRE(lanes.size() == 1);
  // 10 s of jobs over 500 px: 20 jobs a pixel fold into few marks.
  const auto all = job_bars(lanes[0], jobs, fit(0.0, 10.0, 500.0), 500.0f, 100.0);
  CHECK(all.size() <= 500 / 3 + 2);
  int total = 0;
  for (const job_bar& b : all) total += b.count;
  CHECK(total == 100000);
  // Zoomed in to [5 s, 5.001 s): a handful of wide bars, the rest culled.
  const time_axis zoomed{5.0, 500000.0};  // 1 px = 2 µs
  const auto few = job_bars(lanes[0], jobs, zoomed, 500.0f, 100.0);
  CHECK(few.size() >= 10);
  CHECK(few.size() <= 12);
  for (const job_bar& b : few) {
    CHECK(b.count == 1);
    CHECK(b.x1 - b.x0 == doctest::Approx(25.0f).epsilon(0.01));
  }
}

TEST_CASE("job_at finds the job under the mouse, its queue wait included") {
  const std::vector<trace::pool_job> jobs = {job(0, 0, "cpu_bound", 0.0, 0.0, 1.0, 2),
                                             job(0, 0, "cpu_bound", 0.0, 2.0, 3.0, 3)};
  const auto lanes = layout_pool_lanes(jobs, 10.0);
  const time_axis axis{0.0, 100.0};
  CHECK(job_at(lanes[0], jobs, axis, 50.0f, 10.0) == 0);
  CHECK(job_at(lanes[0], jobs, axis, 250.0f, 10.0) == 1);
  CHECK(job_at(lanes[0], jobs, axis, 150.0f, 10.0) == 1);  // job 1 was queued from 0 to 2 s
  CHECK(job_at(lanes[0], jobs, axis, 400.0f, 10.0) == -1);
  CHECK(job_at(lanes[0], jobs, axis, 250.0f, 1.5) == -1);  // not started at the playhead
}

TEST_CASE("processpool_cpu_bound: 30 jobs on 8 worker lanes") {
  const tutorials::tutorial* t = tutorials::find("processpool_cpu_bound");
  REQUIRE_MESSAGE(t != nullptr, "seed 001 is not built (ASYNCRACE_TUTORIAL_SEEDS)");
  tutorials::session run(*t, {});
  run.run_to_end();
  const auto& jobs = run.trace().jobs();
  CHECK(jobs.size() == 30);
  const auto lanes = layout_pool_lanes(jobs, run.trace().end_time());
  REQUIRE(lanes.size() == 8);
  std::size_t total = 0;
  for (const pool_lane& l : lanes) {
    CHECK(l.names == "cpu_bound");
    total += l.jobs.size();
    for (std::size_t k = 1; k < l.jobs.size(); ++k) CHECK(jobs[l.jobs[k - 1]].end <= jobs[l.jobs[k]].start);
  }
  CHECK(total == 30);
}
