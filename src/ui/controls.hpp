// The toolbar: Run / Re-run, tie policy, seed, jitter, playback speed, and the run's status.
#pragma once

#include "layout.hpp"

namespace asyncrace::ui {

class app_state;

// Where the toolbar's widgets are (for automation: tests click and type into them).
struct control_rects {
  rect run;
  rect seed;
  rect theme;      // Light / Dark
  rect shortcuts;  // "?"
  float height = 0.0f;  // what the toolbar's rows took
};

// `wrap`: narrow screens, where the controls flow onto as many rows as they need.
control_rects draw_controls(app_state& app, const rect& area, bool wrap = false);

}  // namespace asyncrace::ui
