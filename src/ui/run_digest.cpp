#include "run_digest.hpp"

#include <algorithm>

#include "finish_summary.hpp"

namespace asyncrace::ui {
namespace {

bool matches(const trace::task_lane& lane, std::string_view text) {
  return lane.name == text || lane.coro == text || lane.first_output.find(text) != std::string::npos;
}

}  // namespace

void run_digest::update(const trace::recording& rec, std::uint64_t serial, double playhead, bool playing) {
  const bool other_run = &rec != rec_ || serial != serial_;
  const std::vector<trace::task_lane>& lanes = rec.lanes();  // applies what the loop logged
  if (other_run || lanes.size() != ordered_lanes_) {
    order_ = order_lanes(lanes);
    ordered_lanes_ = lanes.size();
  }
  if (other_run || rec.changes() != changes_) {
    const bool defer = !other_run && playing && lanes.size() > big_run_tasks && ++skipped_ < big_run_stride;
    if (!defer) {
      rebuild(rec);
      skipped_ = 0;
      playhead_ = -1.0;  // the playhead's parts follow the new digest
    }
  }
  rec_ = &rec;
  serial_ = serial;
  if (playhead != playhead_) at_playhead(rec, playhead);
}

void run_digest::rebuild(const trace::recording& rec) {
  changes_ = rec.changes();
  const std::vector<trace::task_lane>& lanes = rec.lanes();
  every_pool_ = layout_pool_lanes(rec.jobs(), trace::never);
  // Waits of one task never overlap: only its last one can still be pending.
  pending_reach_ = 0.0;
  for (const trace::task_lane& lane : lanes)
    if (!lane.waits.empty() && lane.waits.back().end == trace::never && lane.waits.back().on.kind == wait_kind::sleep)
      pending_reach_ = std::max(pending_reach_, lane.waits.back().on.deadline);
  // The finish summary shows the first max_finish_tokens finishers that printed, cut at the
  // playhead: only they are kept (a million silent finishers are not walked every frame).
  printing_finishers_.clear();
  for (task_id id : rec.finish_order()) {
    if (printing_finishers_.size() == max_finish_tokens) break;
    const trace::task_lane* lane = rec.lane(id);
    if (lane != nullptr && !lane->first_output.empty()) printing_finishers_.push_back(id);
  }
  density_span_ = std::max({rec.end_time(), pending_reach_, 1e-9});
  density_.assign(density_bins, 0);
  const double per_bin = static_cast<double>(density_bins) / density_span_;
  for (const trace::task_lane& lane : lanes)
    for (double t : lane.steps)
      ++density_[std::min(density_bins - 1, static_cast<std::size_t>(std::max(0.0, t * per_bin)))];
}

void run_digest::at_playhead(const trace::recording& rec, double playhead) {
  playhead_ = playhead;
  pools_ = layout_pool_lanes(rec.jobs(), playhead);
  const double h = std::max({rec.end_time(), playhead, pending_reach_});
  horizon_ = h > 0.0 ? h : 1.0;
  // Ranks follow finish times, so the finishers by the playhead are a prefix.
  tokens_.clear();
  for (task_id id : printing_finishers_) {
    const trace::task_lane* lane = rec.lane(id);
    if (lane == nullptr || lane->finished > playhead) break;
    tokens_.push_back(finish_token(lane->first_output));
  }
}

int run_digest::find(std::string_view text, int after, std::size_t* count) const {
  if (count != nullptr) *count = 0;
  if (rec_ == nullptr || text.empty() || order_.empty()) return -1;
  const std::vector<trace::task_lane>& lanes = rec_->lanes();
  const int rows = static_cast<int>(order_.size());
  int found = -1;
  for (int k = 1; k <= rows; ++k) {
    const int row = (std::max(after, -1) + k) % rows;
    if (!matches(lanes[order_[static_cast<std::size_t>(row)].lane], text)) continue;
    if (found < 0) found = row;
    if (count == nullptr) break;
    ++*count;
  }
  return found;
}

}  // namespace asyncrace::ui
