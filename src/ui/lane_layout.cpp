#include "lane_layout.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace asyncrace::ui {

std::string lane_label(const trace::task_lane& lane) {
  std::string label = lane.coro.empty() ? lane.name : lane.coro;
  if (!lane.first_output.empty()) label += " \xc2\xb7 " + lane.first_output;
  return label;
}

namespace {

// Where each task id's lane is. A recording's ids are 1, 2, 3, ... in creation order (its lane of
// id n is at n - 1): then no hash map is needed, which at a million tasks saves most of the time.
class lane_index {
 public:
  explicit lane_index(std::span<const trace::task_lane> lanes) : size_(lanes.size()) {
    for (std::size_t i = 0; i < lanes.size() && dense_; ++i) dense_ = lanes[i].id == i + 1;
    if (dense_) return;
    sparse_.reserve(lanes.size());
    for (std::size_t i = 0; i < lanes.size(); ++i) sparse_.emplace(lanes[i].id, i);
  }
  // The lane of `id`, or `size` when there is none.
  std::size_t find(task_id id) const {
    if (dense_) return id >= 1 && id <= size_ ? id - 1 : size_;
    const auto it = sparse_.find(id);
    return it == sparse_.end() ? size_ : it->second;
  }

 private:
  std::size_t size_;
  bool dense_ = true;
  std::unordered_map<task_id, std::size_t> sparse_;
};

}  // namespace

std::vector<lane_row> order_lanes(std::span<const trace::task_lane> lanes) {
  // Children of each lane, in creation order; lanes whose parent is unknown are roots. O(n), so a
  // run with many thousands of tasks lays out quickly (the diagram does it once per change).
  const lane_index index(lanes);
  std::vector<std::vector<std::size_t>> children(lanes.size());
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < lanes.size(); ++i) {
    const std::size_t parent = index.find(lanes[i].parent);
    if (lanes[i].parent == no_task || parent == lanes.size() || parent == i)
      roots.push_back(i);
    else
      children[parent].push_back(i);
  }
  std::vector<lane_row> rows;
  rows.reserve(lanes.size());
  std::vector<bool> placed(lanes.size(), false);
  // Depth-first; an explicit stack keeps deep task trees off the call stack.
  auto visit_from = [&](std::size_t root) {
    std::vector<lane_row> stack{{root, 0}};
    while (!stack.empty()) {
      const lane_row row = stack.back();
      stack.pop_back();
      if (placed[row.lane]) continue;
      placed[row.lane] = true;
      rows.push_back(row);
      const auto& kids = children[row.lane];
      for (auto it = kids.rbegin(); it != kids.rend(); ++it)  // first-created on top of the stack
        if (!placed[*it]) stack.push_back({*it, row.depth + 1});
    }
  };
  for (std::size_t root : roots) visit_from(root);
  for (std::size_t i = 0; i < lanes.size(); ++i)  // a parent cycle cannot happen, but never drop a lane
    if (!placed[i]) visit_from(i);
  return rows;
}

int row_geometry::row_at(float y) const {
  if (height <= 0.0f || y < top) return -1;
  const int row = static_cast<int>(std::floor((y - top) / height));
  return row < count ? row : -1;
}

row_geometry layout_rows(float top, float available, int count, float min_height, float max_height) {
  if (count <= 0) return {top, max_height, 0};
  const float fitted = std::floor(available / static_cast<float>(count));
  return {top, std::clamp(fitted, min_height, max_height), count};
}

}  // namespace asyncrace::ui
