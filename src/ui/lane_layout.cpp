#include "lane_layout.hpp"

#include <algorithm>
#include <cmath>

namespace asyncrace::ui {

std::vector<lane_row> order_lanes(std::span<const trace::task_lane> lanes) {
  std::vector<lane_row> rows;
  rows.reserve(lanes.size());
  std::vector<bool> placed(lanes.size(), false);
  // Depth-first from each root; an explicit stack keeps deep task trees off the call stack.
  auto visit_from = [&](std::size_t root) {
    std::vector<lane_row> stack{{root, 0}};
    while (!stack.empty()) {
      const lane_row row = stack.back();
      stack.pop_back();
      if (placed[row.lane]) continue;
      placed[row.lane] = true;
      rows.push_back(row);
      // Push children in reverse creation order so the first-created is visited first.
      for (std::size_t i = lanes.size(); i-- > 0;)
        if (!placed[i] && lanes[i].parent == lanes[row.lane].id) stack.push_back({i, row.depth + 1});
    }
  };
  auto known = [&](task_id id) {
    return std::any_of(lanes.begin(), lanes.end(), [&](const trace::task_lane& l) { return l.id == id; });
  };
  for (std::size_t i = 0; i < lanes.size(); ++i)
    if (!placed[i] && (lanes[i].parent == no_task || !known(lanes[i].parent))) visit_from(i);
  for (std::size_t i = 0; i < lanes.size(); ++i)  // cycles cannot happen, but never drop a lane
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
