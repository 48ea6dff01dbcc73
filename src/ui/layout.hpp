// Where each panel goes, computed from the window size every frame (ImGui 1.86 has no docking):
// toolbar across the top; tutorials and explanation on the left; Python, C++ and console side by
// side; the race diagram along the bottom, as wide as possible. Pure: unit-tested.
#pragma once

#include <array>
#include <cstddef>

namespace asyncrace::ui {

struct rect {
  float x = 0.0f;
  float y = 0.0f;
  float w = 0.0f;
  float h = 0.0f;

  float right() const { return x + w; }
  float bottom() const { return y + h; }
  bool contains(float px, float py) const { return px >= x && px < right() && py >= y && py < bottom(); }
};

struct panel_layout {
  rect toolbar;
  rect tutorials;
  rect explanation;
  rect python;
  rect cpp;
  rect console;
  rect diagram;
};

inline constexpr float toolbar_height = 48.0f;
inline constexpr float panel_gap = 6.0f;

// The left column's width for a window `width` wide.
float left_column_width(float width);

// `list_height` is what the tutorial list would like (its content); it gets that, within limits,
// and the explanation gets the rest of the column.
panel_layout compute_layout(float width, float height, float list_height = 0.0f);

// Compare mode: heights of two diagrams stacked in `avail` pixels, each `fixed` (title, axis)
// plus its rows. Each gets what it wants (rows at `row_max`) when both fit, stacked from the top;
// otherwise they share in proportion, neither below a third (its rows then scroll).
std::array<float, 2> stack_heights(float avail, float fixed, std::size_t rows_a, std::size_t rows_b,
                                   float row_max = 30.0f);

}  // namespace asyncrace::ui
