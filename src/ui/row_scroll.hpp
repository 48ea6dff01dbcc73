// Vertical scrolling of the race diagram's rows by row number, not by pixels: a million rows are
// 18 million pixels, past what ImGui's float coordinates place exactly. Only the rows in view are
// laid out (virtual rows); a scrollbar of our own drags through all of them.
#pragma once

#include <imgui.h>

#include "layout.hpp"

namespace asyncrace::ui {

inline constexpr float row_scrollbar_width = 10.0f;

struct row_scroll {
  double first = 0.0;  // rows scrolled past the top (fractions scroll smoothly)

  // Keeps `first` within [0, rows - visible_rows].
  void clamp(int rows, double visible_rows);
  // The first row laid out: even, so the rows' alternating shades stay put while scrolling.
  int base() const { return static_cast<int>(first) & ~1; }
  // Scrolls so that `row` is in the middle of `visible_rows`.
  void center_on(int row, int rows, double visible_rows);
};

// The scrollbar in `track` (screen coordinates) for `rows` rows of which `visible_rows` show;
// dragging the thumb or clicking the track moves `scroll`. Draws nothing when all rows show.
void row_scrollbar(const char* id, const rect& track, row_scroll& scroll, int rows, double visible_rows);

}  // namespace asyncrace::ui
