// The overview strip above a big run's lanes: how many task steps fall in each stretch of the whole
// run (all lanes together, a log scale), with the stretch in view outlined. Clicking or dragging
// in it moves the view there, at the same zoom. Its density comes from run_digest.
#pragma once

#include <cstdint>
#include <vector>

#include "layout.hpp"
#include "time_axis.hpp"

namespace asyncrace::ui {

inline constexpr float overview_height = 18.0f;

// Draws the strip in `area` (screen coordinates) for `density` bins over [0, span] seconds, the
// view being `view` across `plot_width` pixels. Returns the time the user pointed at to jump to
// (the view's new centre), or a negative number when nothing was clicked.
double overview_strip(const char* id, const rect& area, const std::vector<std::uint32_t>& density, double span,
                      const time_axis& view, float plot_width);

}  // namespace asyncrace::ui
