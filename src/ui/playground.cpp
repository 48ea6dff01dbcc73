#include "playground.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <string>

#include <imgui.h>

#include "controls.hpp"
#include "explanation_view.hpp"
#include "fonts.hpp"
#include "page_bridge.hpp"
#include "panel.hpp"
#include "platform/platform.hpp"
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

double playground::frame() {
  const ImGuiIO& io = ImGui::GetIO();
  // Real time since the last frame (ImGui's DeltaTime is capped for its own clock: frame_loop.cpp).
  // After a still picture the page drew nothing for a while: a run started now begins at 0.
  const auto now = std::chrono::steady_clock::now();
  const double real_dt = animating_ ? std::chrono::duration<double>(now - last_frame_).count() : 0.0;
  last_frame_ = now;
  app_.tick(std::min(real_dt, max_frame_seconds));

  // Between the panels: the theme's page colour (the GL clear colour is the dark one).
  ImGui::GetBackgroundDrawList()->AddRectFilled({0.0f, 0.0f}, io.DisplaySize, palette::page);
  narrow_ = is_narrow(io.DisplaySize.x);
  if (narrow_) narrow_frame(io.DisplaySize.x, io.DisplaySize.y);
  else wide_frame(io.DisplaySize.x, io.DisplaySize.y);
  announcer_.update(app_, page::mirror());
  build_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - now).count();
  ++frames_;
  animating_ = app_.running();
  if (!animating_) return std::numeric_limits<double>::infinity();
  return app_.waiting_on_workers() ? real_work_frame_interval : 0.0;
}

void playground::sources(const rect& python, const rect& cpp) {
  const tutorials::tutorial* t = app_.selected();
  if (t == nullptr) return;
  const std::string py_title = "Python  \xc2\xb7  " + std::string(t->slug()) + ".py###python";
  python_.draw(py_title.c_str(), t->python_source, python);
  cpp_.draw("C++20  \xc2\xb7  the coroutines that really run###cpp", t->cpp_source, cpp);
}

void playground::draw_diagram(const rect& area) {
  const auto start = std::chrono::steady_clock::now();
  diagram_.draw(app_, area);
  diagram_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void playground::wide_frame(float width, float height) {
  const float list_h = tutorial_list_height(left_column_width(width));
  const panel_layout p = compute_layout(width, height, list_h);
  controls_ = draw_controls(app_, p.toolbar);
  draw_tutorial_list(app_, p.tutorials);
  draw_explanation(app_, p.explanation);
  sources(p.python, p.cpp);
  console_.draw(app_, p.console);
  draw_diagram(p.diagram);
}

void playground::narrow_frame(float width, float height) {
  const narrow_layout n = compute_narrow_layout(width, height, toolbar_h_, tab_);
  controls_ = draw_controls(app_, n.toolbar, true);
  if (controls_.height != toolbar_h_) platform::request_frame();  // the toolbar's rows changed: lay out again
  toolbar_h_ = controls_.height;
  tab_bar(n.tabs);
  switch (tab_) {
    case page_tab::code: sources(n.first, n.second); break;
    case page_tab::race: draw_diagram(n.first); break;
    case page_tab::console: console_.draw(app_, n.first); break;
    case page_tab::notes:
      draw_tutorial_list(app_, n.first);
      draw_explanation(app_, n.second);
      break;
  }
}

void playground::show_tab(page_tab t) {
  tab_ = t;
  tab_asked_ = true;
}

// Code, Race, Console, Notes: big enough for a finger.
void playground::tab_bar(const rect& area) {
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {6.0f, 4.0f});
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {16.0f, 6.0f});
  if (begin_panel("##tabs", area, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar) &&
      ImGui::BeginTabBar("##pages")) {
    for (page_tab t : all_tabs) {
      const std::string label(tab_label(t));
      const ImGuiTabItemFlags flags = tab_asked_ && t == tab_ ? ImGuiTabItemFlags_SetSelected : 0;
      const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, flags);
      const ImVec2 a = ImGui::GetItemRectMin();
      const ImVec2 b = ImGui::GetItemRectMax();
      tab_buttons_[static_cast<int>(t)] = {a.x, a.y, b.x - a.x, b.y - a.y};
      if (open) {
        if (!tab_asked_) tab_ = t;
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
    tab_asked_ = false;
  }
  end_panel();
  ImGui::PopStyleVar(3);
}

}  // namespace asyncrace::ui
