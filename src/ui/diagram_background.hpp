// The race diagram's background (lane bands, time grid, unplayed region), drawn on the GPU by
// shaders/race_background.* through an ImDrawList callback placed before the diagram's own ImGui
// geometry, so spans and labels render on top of it.
#pragma once

#include <memory>

#include <imgui.h>

#include "layout.hpp"
#include "theme.hpp"
#include "time_axis.hpp"

namespace asyncrace::ui {

struct background_params {
  rect area;             // lane area, screen coordinates (logical pixels)
  float plot_x0 = 0.0f;  // the time plot's horizontal extent
  float plot_x1 = 0.0f;
  float rows_top = 0.0f;
  float row_height = 24.0f;
  int row_count = 0;
  int hovered_row = -1;
  float now_x = 1e9f;  // playhead; huge when nothing is left to play
  time_axis axis;
  tick_spacing ticks;
  band_colors colors;
};

class diagram_background {
 public:
  struct gpu_handles;
  diagram_background();
  ~diagram_background();
  diagram_background(const diagram_background&) = delete;
  diagram_background& operator=(const diagram_background&) = delete;

  // Queues the background into `dl`: the draw list renders it, then resets ImGui's GL state.
  // Returns false when the shader is unavailable (the caller then draws plain bands itself).
  bool queue(ImDrawList* dl, const background_params& params);

 private:
  static void render(const ImDrawList* dl, const ImDrawCmd* cmd);

  background_params params_;  // read by the callback during this frame's render
  // Made on first render, where GL is current; its GL objects go with the context.
  std::unique_ptr<gpu_handles> gpu_;
  bool failed_ = false;
};

}  // namespace asyncrace::ui
