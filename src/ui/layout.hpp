// Where each panel goes, computed from the window size every frame (ImGui 1.86 has no docking):
// toolbar across the top; tutorials and explanation on the left; Python, C++ and console side by
// side; the race diagram along the bottom, as wide as possible. Pure: unit-tested.
#pragma once

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

}  // namespace asyncrace::ui
