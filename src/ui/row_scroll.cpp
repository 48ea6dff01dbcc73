#include "row_scroll.hpp"

#include <algorithm>

#include "theme.hpp"

namespace asyncrace::ui {

void row_scroll::clamp(int rows, double visible_rows) {
  first = std::clamp(first, 0.0, std::max(0.0, static_cast<double>(rows) - visible_rows));
}

void row_scroll::center_on(int row, int rows, double visible_rows) {
  first = static_cast<double>(row) + 0.5 - 0.5 * visible_rows;
  clamp(rows, visible_rows);
}

void row_scrollbar(const char* id, const rect& track, row_scroll& scroll, int rows, double visible_rows) {
  if (static_cast<double>(rows) <= visible_rows || track.h <= 0.0f) return;
  const double span = static_cast<double>(rows);
  // The thumb is at least 20 px tall, however many rows there are.
  const float thumb_h = std::max(20.0f, static_cast<float>(visible_rows / span) * track.h);
  const float travel = track.h - thumb_h;
  const double max_first = span - visible_rows;
  ImGui::SetCursorScreenPos({track.x, track.y});
  ImGui::InvisibleButton(id, {track.w, track.h});
  if (ImGui::IsItemActive()) {
    const float grab = ImGui::GetIO().MousePos.y - track.y - 0.5f * thumb_h;
    scroll.first = std::clamp(static_cast<double>(grab / std::max(1.0f, travel)), 0.0, 1.0) * max_first;
  }
  const float thumb_y = track.y + static_cast<float>(scroll.first / max_first) * travel;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled({track.x, track.y}, {track.right(), track.bottom()}, palette::band_even, 3.0f);
  const bool hot = ImGui::IsItemHovered() || ImGui::IsItemActive();
  dl->AddRectFilled({track.x + 2.0f, thumb_y}, {track.right() - 2.0f, thumb_y + thumb_h},
                    hot ? palette::accent : palette::rule, 3.0f);
}

}  // namespace asyncrace::ui
