// First phase of drawing a lane (Tracy's way): map its instants to pixels, drop what is off screen
// and fold instants closer than a few pixels into one run, so a lane costs at most one mark per
// few pixels however many steps it has. Pure: unit-tested.
#pragma once

#include <span>
#include <vector>

#include "time_axis.hpp"

namespace asyncrace::ui {

struct pixel_run {
  float x0 = 0.0f;  // pixels from the plot's left edge
  float x1 = 0.0f;
  int count = 0;  // instants folded into this run
};

// `times` must be ascending. Instants within `min_gap` pixels of the previous run join it.
std::vector<pixel_run> fold_instants(std::span<const double> times, const time_axis& axis, float width,
                                     float min_gap = 3.0f);

// Clamps a pixel position so far-off-screen spans still draw as edges, never as huge floats.
float clamp_to_plot(double x, float width);

}  // namespace asyncrace::ui
