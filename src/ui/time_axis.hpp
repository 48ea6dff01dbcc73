// The race diagram's horizontal axis: virtual seconds <-> pixels, zoom around a point, pan, fit,
// and tick spacing on the 1-2-5 ladder. Pure math, no ImGui: unit-tested in tests/ui.
#pragma once

#include <string>

namespace asyncrace::ui {

// Zoom limits: from about an hour across the screen down to a microsecond spread over 2000 px.
inline constexpr double min_px_per_s = 0.25;
inline constexpr double max_px_per_s = 2.0e9;

struct time_axis {
  double t0 = 0.0;          // virtual time at the plot's left edge
  double px_per_s = 100.0;  // zoom

  double to_x(double t) const { return (t - t0) * px_per_s; }  // pixels from the plot's left edge
  double to_t(double x) const { return t0 + x / px_per_s; }
};

// Zooms by `factor` (> 1 zooms in) keeping the time under pixel `x` where it is.
time_axis zoom_around(const time_axis& axis, double x, double factor);
// Moves the view by `dx` pixels (dragging right shows earlier times).
time_axis pan(const time_axis& axis, double dx);
// Shows [begin, end] across `width` pixels, leaving `margin` of the width free at the left and at
// least `right_px` pixels at the right (room for finish marks and their ranks).
time_axis fit(double begin, double end, double width, double margin = 0.03, double right_px = 48.0);

// Grid lines: a minor line every `minor` seconds, a labelled major one every `major`.
struct tick_spacing {
  double minor = 1.0;
  double major = 1.0;
  int decimals = 0;  // digits after the point a major label needs to be exact
};

// The finest minor step at least `min_minor_px` apart whose major step is at least
// `min_major_px` apart (labels must not collide).
tick_spacing ticks_for(double px_per_s, double min_minor_px = 10.0, double min_major_px = 90.0);

// A tick label: "0.25 s", "1.000200 s", "0 s".
std::string format_tick(double t, int decimals);

// Exact time for tooltips: always microseconds, "%.6f".
std::string format_time(double t);

// A duration to the microsecond without trailing zeros: "1", "0.25", "1.000018".
std::string format_seconds(double s);

}  // namespace asyncrace::ui
