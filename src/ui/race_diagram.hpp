// The race diagram: one lane per task (label, creation, steps, waits with their deadlines,
// wake-ups, finish and rank), loop-blocked spans across all lanes, a time axis that zooms around
// the cursor (wheel) and pans (drag) down to microseconds, and a finish-order column.
#pragma once

#include <cstdint>

#include <imgui.h>

#include "diagram_background.hpp"
#include "layout.hpp"
#include "time_axis.hpp"

namespace asyncrace::trace {
class recording;
}

namespace asyncrace::ui {

class app_state;
struct diagram_frame;

class race_diagram {
 public:
  void draw(const app_state& app, const rect& area);

  // The time plot's and the whole panel's rectangles last frame (screen coordinates), for automation.
  const rect& plot() const { return plot_; }
  const rect& panel() const { return panel_; }
  const time_axis& axis() const { return axis_; }

 private:
  void header(const app_state& app);
  void axis_strip(const diagram_frame& f, float top, bool live) const;
  diagram_frame columns(ImVec2 origin, float width, float label_w, double playhead) const;
  void queue_background(const diagram_frame& f, const rect& area, bool live);
  void lanes(const app_state& app, const trace::recording& rec, float label_w);
  void interact(const diagram_frame& f, double horizon);

  time_axis axis_;
  bool follow_ = true;  // keep the whole run in view until the user zooms or pans
  bool fit_requested_ = false;
  std::uint64_t serial_ = ~std::uint64_t{0};
  int hovered_row_ = -1;
  rect plot_;
  rect panel_;
  diagram_background background_;
};

}  // namespace asyncrace::ui
