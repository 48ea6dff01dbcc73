// Pool lanes of the race diagram: one row per (pool, worker) that has run an executor job
// (run_in_executor, to_thread), drawn below the task lanes. Each job is a bar from start to end,
// led in by its queue wait (queued -> start) and ended by the hand-back to the loop. Which rows and
// which bars (culled to the view, sub-pixel jobs folded) is decided here. Pure: unit-tested.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "time_axis.hpp"
#include "trace/recording.hpp"

namespace asyncrace::ui {

struct pool_lane {
  std::uint32_t pool = 0;
  std::uint32_t worker = 0;
  std::vector<std::size_t> jobs;  // indices into recording::jobs(), ascending start
  std::string label;              // "pool 0 · worker 3" (numbers as in the trace: from 0)
  std::string names;              // the distinct job functions it ran: "blocking_io, cpu_bound"
};

// "pool 0 · worker 3 · cpu_bound": the row's label and the functions it ran.
std::string pool_lane_label(const pool_lane& lane);

// The rows, ordered by pool then worker, for what has happened by `playhead`: a job shows once it
// has started (before, which worker takes it is not yet known), so a worker's row appears with its
// first job.
std::vector<pool_lane> layout_pool_lanes(std::span<const trace::pool_job> jobs, double playhead);

// One mark on a pool row, in pixels from the plot's left edge (clamped near the plot).
struct job_bar {
  std::size_t job = 0;  // the first job folded into this mark
  int count = 1;        // jobs folded into it (all narrower than a few pixels)
  float queued = 0.0f;  // lead-in start (queue wait)
  float x0 = 0.0f;      // start
  float x1 = 0.0f;      // end, or the playhead while running
  bool returned = false;  // the (last folded) job handed its result back by the playhead
};

// The bars of `lane` in view on `axis` over `width` pixels at `playhead`. Jobs of one worker never
// overlap, so culling is a binary search; consecutive jobs narrower than `min_px` whose marks
// would touch fold into one.
std::vector<job_bar> job_bars(const pool_lane& lane, std::span<const trace::pool_job> jobs,
                              const time_axis& axis, float width, double playhead, float min_px = 3.0f);

// The job of `lane` under pixel `x` (queue wait included, a few pixels of slack), or -1.
long job_at(const pool_lane& lane, std::span<const trace::pool_job> jobs, const time_axis& axis, float x,
            double playhead, float slack = 3.0f);

}  // namespace asyncrace::ui
