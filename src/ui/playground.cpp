#include "playground.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <string>

#include <imgui.h>

#include "clear_fill.hpp"
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
  // With the page's editor a visitor's program runs between frames on the browser's main thread,
  // in slices (the tab never freezes); a runaway loop still ends, at this cap, in a few seconds.
  if (page::has_editor()) {
    app_.limits.max_steps = page_max_steps;
    app_.step_slice = page_step_slice;
    app_.slice_ms = page_slice_ms;
    app_.record_chains = true;  // the editor shows where each task is suspended
  }
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
  clear_rect(ImGui::GetBackgroundDrawList(), {0.0f, 0.0f}, io.DisplaySize, palette::page);
  narrow_ = is_narrow(io.DisplaySize.x);
  editor_area_ = {};
  if (narrow_) narrow_frame(io.DisplaySize.x, io.DisplaySize.y);
  else wide_frame(io.DisplaySize.x, io.DisplaySize.y);
  link_code();
  sync_editor();
  announcer_.update(app_, page::mirror());
  build_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - now).count();
  if (slowest_run_serial_ != app_.run_serial()) {
    slowest_run_serial_ = app_.run_serial();
    slowest_run_frame_ms_ = 0.0;
  }
  slowest_run_frame_ms_ = std::max(slowest_run_frame_ms_, build_ms_);
  ++frames_;
  animating_ = app_.running() && !app_.paused();
  if (!animating_) return std::numeric_limits<double>::infinity();
  if (!app_.waiting_on_workers()) return 0.0;
  return platform::drawing_on_cpu() ? real_work_frame_interval_on_cpu : real_work_frame_interval;
}

void playground::worker_news() {
  // What the next frame would run first (no real time passes for the playhead here: a run with
  // jobs out plays on the wall clock, and what has arrived runs now).
  if (app_.running() && !app_.paused()) app_.tick(0.0);
  // While jobs are still out, the frame every real_work_frame_interval shows the news: a frame
  // (and its settling frames) for every reply would take the workers' cores, since a page without
  // a GPU draws its WebGL on the CPU. Otherwise it is drawn now.
  if (!app_.waiting_on_workers() || app_.paused()) platform::request_frame();
}

// The pane headers say which engine runs: an untouched tutorial runs as its C++ twin, an edited
// one (or the learner's own program) on the interpreter.
void playground::sources(const rect& python, const rect& cpp) {
  const bool interpreted = app_.interprets();
  const std::string py_title = "Python  \xc2\xb7  " + app_.program().file_name() +
                               (app_.own_program() ? "  \xc2\xb7  runs on the interpreter"
                                : interpreted      ? "  \xc2\xb7  edited: interpreted"
                                                   : "  \xc2\xb7  runs as its C++ twin") +
                               "###python";
  if (page::has_editor()) editor_area_ = source_view::draw_frame(py_title.c_str(), python);
  else python_.draw(py_title.c_str(), app_.program().text(), python);

  const tutorials::tutorial* t = app_.selected();
  if (!interpreted && t != nullptr) {
    cpp_.draw("C++20  \xc2\xb7  the coroutines that really run###cpp", t->cpp_source, cpp);
    return;
  }
  constexpr std::string_view about =
      "The Python interpreter runs this program (src/python: the source compiled to bytecode, each Python "
      "coroutine one scheduler coroutine), on the same event loop, virtual clock and trace as a C++ twin.";
  if (t == nullptr) {
    cpp_.draw("C++20  \xc2\xb7  the interpreter runs your program###cpp", {}, cpp,
              std::string(about) + "\n\nThere is no C++ twin of your own program: every tutorial has one.");
    return;
  }
  cpp_.draw("C++20  \xc2\xb7  the interpreter runs your edit###cpp", t->cpp_source, cpp,
            std::string(about) +
                "\n\nBelow, for reference, the C++ twin of the tutorial as written; Reset in the editor runs it again.");
}

// Keeps the page's editor in step with the app: the selection's text, the SyntaxError mark, and
// where the Python pane is this frame (nowhere when it is not drawn).
void playground::sync_editor() {
  if (app_.selection_serial() != editor_selection_) {
    editor_selection_ = app_.selection_serial();
    page::load_editor(app_.selection_slug(), app_.program().original());
  }
  if (app_.syntax_serial() != editor_marks_) {
    editor_marks_ = app_.syntax_serial();
    if (const auto& e = app_.syntax_problem())
      page::mark_editor(e->line, e->column, e->end_line, e->end_column, describe(*e));
    else
      page::mark_editor(0, 0, 0, 0, {});
  }
  page::place_editor(editor_area_);
}

// The lines where tasks wait at the playhead and the hovered lane's lines go to the editor; the
// lanes of the function at the editor's cursor line go to the diagram (drawn next frame: every
// input owes a few frames).
void playground::link_code() {
  if (!page::has_editor()) return;
  static const std::vector<trace::task_lane> no_lanes;
  const tutorials::session* run = app_.session();
  links_.hover_task(diagram_.hovered_task());
  const code_highlights& h =
      links_.update(app_.chains_at_playhead(), run ? run->trace().lanes() : no_lanes, app_.program().text());
  diagram_.mark_linked_tasks(h.lanes);
  if (frames_ > 0 && h.suspended == links_sent_.suspended && h.hovered == links_sent_.hovered) return;
  page::show_editor_links(h.suspended, h.hovered);
  links_sent_ = h;
}

// The race diagram, and under it the Event loop view when it is on (the diagram keeps the top).
void playground::draw_diagram(const rect& area) {
  const auto start = std::chrono::steady_clock::now();
  if (!app_.wants_loop_states()) {
    diagram_.draw(app_, area);
  } else {
    constexpr float gap = 4.0f;
    const float loop_h = std::floor(std::max(std::min(300.0f, area.h * 0.6f), area.h * (narrow_ ? 0.55f : 0.48f)));
    diagram_.draw(app_, {area.x, area.y, area.w, area.h - loop_h - gap});
    loop_view_.draw(app_, {area.x, area.bottom() - loop_h, area.w, loop_h});
  }
  diagram_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// The console; a click on a traceback's frame line moves the editor there (on a phone, the Code
// tab comes forward to show it).
void playground::draw_console(const rect& area) {
  console_.draw(app_, area);
  if (const unsigned line = console_.take_clicked_line()) {
    if (narrow_) show_tab(page_tab::code);
    page::goto_editor_line(line);
    platform::request_frame();
  }
}

void playground::wide_frame(float width, float height) {
  const float list_h = tutorial_list_height(left_column_width(width));
  const panel_layout p = compute_layout(width, height, list_h);
  controls_ = draw_controls(app_, p.toolbar);
  draw_tutorial_list(app_, p.tutorials);
  draw_explanation(app_, p.explanation);
  sources(p.python, p.cpp);
  draw_console(p.console);
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
    case page_tab::console: draw_console(n.first); break;
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
