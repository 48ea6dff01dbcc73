// The toolbar: Run / Re-run, tie policy, seed, jitter, playback speed, and the run's status.
#pragma once

#include "layout.hpp"

namespace asyncrace::ui {

class app_state;

// Draws the toolbar; returns the Run button's rectangle (for automation: tests click it).
rect draw_controls(app_state& app, const rect& area);

}  // namespace asyncrace::ui
