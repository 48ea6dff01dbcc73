#include "playground.hpp"

#include <algorithm>
#include <chrono>
#include <string>

#include <imgui.h>

#include "controls.hpp"
#include "explanation_view.hpp"
#include "fonts.hpp"
#include "page_bridge.hpp"
#include "theme.hpp"
#include "tutorial_list.hpp"

namespace asyncrace::ui {

// A hidden browser tab gets no frames; on return, play on from where it was rather than jump.
constexpr double max_frame_seconds = 0.25;

playground::playground() {
  apply_theme();
  // A still picture needs no frames (the platform then draws none); a blinking text cursor
  // would need them for as long as a field has focus.
  ImGui::GetIO().ConfigInputTextCursorBlink = false;
}

void playground::set_pixel_ratio(float ratio) { load_fonts(ratio); }

bool playground::frame() {
  const ImGuiIO& io = ImGui::GetIO();
  // Real time since the last frame (ImGui's DeltaTime is capped for its own clock: frame_loop.cpp).
  // After a still picture the page drew nothing for a while: a run started now begins at 0.
  const auto now = std::chrono::steady_clock::now();
  const double real_dt = animating_ ? std::chrono::duration<double>(now - last_frame_).count() : 0.0;
  last_frame_ = now;
  app_.tick(std::min(real_dt, max_frame_seconds));

  // Between the panels: the theme's page colour (the GL clear colour is the dark one).
  ImGui::GetBackgroundDrawList()->AddRectFilled({0.0f, 0.0f}, io.DisplaySize, palette::page);
  const float list_h = tutorial_list_height(left_column_width(io.DisplaySize.x));
  const panel_layout p = compute_layout(io.DisplaySize.x, io.DisplaySize.y, list_h);
  controls_ = draw_controls(app_, p.toolbar);
  draw_tutorial_list(app_, p.tutorials);
  draw_explanation(app_, p.explanation);
  if (const tutorials::tutorial* t = app_.selected()) {
    const std::string py_title = "Python  \xc2\xb7  " + std::string(t->slug()) + ".py###python";
    python_.draw(py_title.c_str(), t->python_source, p.python);
    cpp_.draw("C++20  \xc2\xb7  the coroutines that really run###cpp", t->cpp_source, p.cpp);
  }
  console_.draw(app_, p.console);
  diagram_.draw(app_, p.diagram);
  announcer_.update(app_, page::mirror());
  ++frames_;
  animating_ = app_.running();
  return animating_;
}

}  // namespace asyncrace::ui
