#include "playground.hpp"

#include <algorithm>
#include <chrono>
#include <string>

#include <imgui.h>

#include "controls.hpp"
#include "explanation_view.hpp"
#include "fonts.hpp"
#include "theme.hpp"
#include "tutorial_list.hpp"

namespace asyncrace::ui {

// A hidden browser tab gets no frames; on return, play on from where it was rather than jump.
constexpr double max_frame_seconds = 0.25;

playground::playground() { apply_theme(); }

void playground::set_pixel_ratio(float ratio) { load_fonts(ratio); }

void playground::frame() {
  const ImGuiIO& io = ImGui::GetIO();
  // Real time since the last frame (ImGui's DeltaTime is capped for its own clock: frame_loop.cpp).
  const auto now = std::chrono::steady_clock::now();
  const double real_dt = frames_ == 0 ? 0.0 : std::chrono::duration<double>(now - last_frame_).count();
  last_frame_ = now;
  app_.tick(std::min(real_dt, max_frame_seconds));

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
  ++frames_;
}

}  // namespace asyncrace::ui
