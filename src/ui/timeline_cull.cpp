#include "timeline_cull.hpp"

#include <algorithm>

namespace asyncrace::ui {

std::vector<pixel_run> fold_instants(std::span<const double> times, const time_axis& axis, float width,
                                     float min_gap) {
  std::vector<pixel_run> runs;
  const double margin = min_gap;  // keep marks that straddle an edge
  const auto first = std::lower_bound(times.begin(), times.end(), axis.to_t(-margin));
  for (auto it = first; it != times.end(); ++it) {
    const double x = axis.to_x(*it);
    if (x > width + margin) break;
    const auto fx = static_cast<float>(x);
    if (!runs.empty() && fx - runs.back().x1 < min_gap) {
      runs.back().x1 = fx;
      ++runs.back().count;
    } else {
      runs.push_back({fx, fx, 1});
    }
  }
  return runs;
}

float clamp_to_plot(double x, float width) {
  return static_cast<float>(std::clamp(x, -64.0, static_cast<double>(width) + 64.0));
}

}  // namespace asyncrace::ui
