#include "pool_lanes.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "timeline_cull.hpp"

namespace asyncrace::ui {

std::string pool_lane_label(const pool_lane& lane) {
  return lane.names.empty() ? lane.label : lane.label + " \xc2\xb7 " + lane.names;
}

std::vector<pool_lane> layout_pool_lanes(std::span<const trace::pool_job> jobs, double playhead) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, pool_lane> rows;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    const trace::pool_job& j = jobs[i];
    if (j.start > playhead) continue;
    pool_lane& lane = rows[{j.pool, j.worker}];
    lane.pool = j.pool;
    lane.worker = j.worker;
    lane.jobs.push_back(i);
  }
  std::vector<pool_lane> out;
  out.reserve(rows.size());
  for (auto& [key, lane] : rows) {
    std::stable_sort(lane.jobs.begin(), lane.jobs.end(),
                     [&](std::size_t a, std::size_t b) { return jobs[a].start < jobs[b].start; });
    lane.label = "pool " + std::to_string(lane.pool) + " \xc2\xb7 worker " + std::to_string(lane.worker);
    std::vector<std::string> seen;
    for (std::size_t i : lane.jobs) {
      const std::string& what = jobs[i].what;
      if (std::find(seen.begin(), seen.end(), what) != seen.end()) continue;
      if (!seen.empty()) lane.names += ", ";
      lane.names += what;
      seen.push_back(what);
    }
    out.push_back(std::move(lane));
  }
  return out;
}

namespace {

// The first of `lane`'s jobs that ends at or after t (ends ascend: jobs of a worker don't overlap).
std::vector<std::size_t>::const_iterator first_ending_after(const pool_lane& lane,
                                                            std::span<const trace::pool_job> jobs, double t) {
  return std::partition_point(lane.jobs.begin(), lane.jobs.end(),
                              [&](std::size_t i) { return jobs[i].end < t; });
}

}  // namespace

std::vector<job_bar> job_bars(const pool_lane& lane, std::span<const trace::pool_job> jobs,
                              const time_axis& axis, float width, double playhead, float min_px) {
  std::vector<job_bar> bars;
  const double t_left = axis.to_t(-static_cast<double>(min_px));
  const double t_right = axis.to_t(static_cast<double>(width) + min_px);
  for (auto it = first_ending_after(lane, jobs, t_left); it != lane.jobs.end(); ++it) {
    const trace::pool_job& j = jobs[*it];
    if (j.start > playhead) break;
    if (j.start > t_right) break;
    const double end = std::min(j.end, playhead);
    job_bar b;
    b.job = *it;
    b.queued = clamp_to_plot(axis.to_x(j.queued), width);
    b.x0 = clamp_to_plot(axis.to_x(j.start), width);
    b.x1 = clamp_to_plot(axis.to_x(end), width);
    b.returned = j.end <= playhead;
    if (!bars.empty()) {
      job_bar& last = bars.back();
      const bool narrow = b.x1 - b.x0 < min_px && (last.count > 1 || last.x1 - last.x0 < min_px);
      if (narrow && b.x0 - last.x1 < min_px) {
        last.x1 = std::max(last.x1, b.x1);
        last.returned = b.returned;
        ++last.count;
        continue;
      }
    }
    bars.push_back(b);
  }
  return bars;
}

long job_at(const pool_lane& lane, std::span<const trace::pool_job> jobs, const time_axis& axis, float x,
            double playhead, float slack) {
  const double t = axis.to_t(static_cast<double>(x) - slack);
  long best = -1;
  double best_d = 1e300;
  for (auto it = first_ending_after(lane, jobs, t); it != lane.jobs.end(); ++it) {
    const trace::pool_job& j = jobs[*it];
    if (j.start > playhead) break;
    const double x0 = std::min(axis.to_x(j.queued), axis.to_x(j.start)) - slack;
    const double x1 = std::max(axis.to_x(std::min(j.end, playhead)), axis.to_x(j.start) + 2.0) + slack;
    if (x >= x0 && x <= x1) {
      // Overlapping lead-ins: prefer the job whose run (not its queue wait) is nearest.
      const double mid = axis.to_x(j.start);
      const double xe = axis.to_x(std::min(j.end, playhead));
      const double d = x < mid ? mid - x : (x > xe ? x - xe : 0.0);
      if (d < best_d) {
        best_d = d;
        best = static_cast<long>(*it);
      }
    }
  }
  return best;
}

}  // namespace asyncrace::ui
