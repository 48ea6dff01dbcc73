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

std::vector<lane_row> order_lanes(std::span<const trace::task_lane> lanes) {
  // Children of each lane, in creation order; lanes whose parent is unknown are roots. O(n log n),
  // so a run with many thousands of tasks still lays out every frame.
  std::unordered_map<task_id, std::size_t> index;
  index.reserve(lanes.size());
  for (std::size_t i = 0; i < lanes.size(); ++i) index.emplace(lanes[i].id, i);
  std::vector<std::vector<std::size_t>> children(lanes.size());
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < lanes.size(); ++i) {
    const auto parent = index.find(lanes[i].parent);
    if (lanes[i].parent == no_task || parent == index.end() || parent->second == i)
      roots.push_back(i);
    else
      children[parent->second].push_back(i);
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
