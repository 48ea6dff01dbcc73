// What the race diagram reads from one run, worked out when the run changes instead of every
// frame: the lanes in tree order, the pool lanes, how far the view should reach (the horizon), the
// finish order, the activity over time for the overview strip, and finding a task by name. A
// finished run never changes, so at a million tasks a frame pays only for the rows in view. Pure:
// unit-tested.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lane_layout.hpp"
#include "pool_lanes.hpp"
#include "trace/recording.hpp"

namespace asyncrace::ui {

// Bins of the overview strip's density, over [0, horizon].
inline constexpr std::size_t density_bins = 512;
// The finish-order summary reads at most this many finishers: more never fit in a header line.
inline constexpr std::size_t max_finish_tokens = 256;
// A playing run with more tasks than this is digested again only every `big_run_stride` calls.
inline constexpr std::size_t big_run_tasks = 100000;
inline constexpr int big_run_stride = 8;

class run_digest {
 public:
  // Brings the digest up to date with `rec` (identified by `serial`, which changes with each new
  // run) at `playhead`. Cheap when neither has changed; O(tasks) when the run has. While a big
  // run is still `playing`, the O(tasks) parts are redone only every few calls (new lanes are
  // always placed): the picture may lag a few frames, the frames stay quick.
  void update(const trace::recording& rec, std::uint64_t serial, double playhead, bool playing = false);

  // The run digested last (null before the first update).
  const trace::recording* recording() const { return rec_; }
  // Task lanes in tree order (order_lanes).
  const std::vector<lane_row>& order() const { return order_; }
  // The pool lanes at the playhead, and every worker's that ever ran a job (for the label width).
  const std::vector<pool_lane>& pools() const { return pools_; }
  const std::vector<pool_lane>& every_pool() const { return every_pool_; }
  // How far the view should reach: everything recorded, the playhead, every pending deadline.
  double horizon() const { return horizon_; }
  // The finish-order summary's tokens at the playhead (finish_summary.hpp), at most
  // max_finish_tokens of them.
  const std::vector<std::string>& finish_tokens() const { return tokens_; }
  // How many task steps fall in each of density_bins equal bins over [0, density_span()].
  const std::vector<std::uint32_t>& density() const { return density_; }
  double density_span() const { return density_span_; }
  // The next row after `after` (wrapping; -1 starts at the top) whose task is named `text`
  // ("Task-42"), runs coroutine `text`, or printed `text` first (a part of it is enough); -1 if
  // none. `matches` gets how many rows match.
  int find(std::string_view text, int after, std::size_t* matches = nullptr) const;

 private:
  void rebuild(const trace::recording& rec);
  void at_playhead(const trace::recording& rec, double playhead);

  const trace::recording* rec_ = nullptr;
  std::uint64_t serial_ = ~std::uint64_t{0};
  std::uint64_t changes_ = ~std::uint64_t{0};
  double playhead_ = -1.0;
  std::size_t ordered_lanes_ = 0;
  int skipped_ = 0;  // calls since the last rebuild of a big playing run
  std::vector<lane_row> order_;
  std::vector<pool_lane> pools_;
  std::vector<pool_lane> every_pool_;
  double pending_reach_ = 0.0;  // the latest deadline of a sleep still pending
  double horizon_ = 1.0;
  // The first max_finish_tokens finishers that printed, by finish rank (ranks follow finish times).
  std::vector<task_id> printing_finishers_;
  std::vector<std::string> tokens_;
  std::vector<std::uint32_t> density_;
  double density_span_ = 1.0;
};

}  // namespace asyncrace::ui
