// The whole playground page: lays out the panels for the window size each frame, advances
// playback, and draws the toolbar, tutorial list, explanation, sources, console and race diagram.
#pragma once

#include <chrono>
#include <cstdint>

#include "announcer.hpp"
#include "app_state.hpp"
#include "code_links.hpp"
#include "console_view.hpp"
#include "controls.hpp"
#include "layout.hpp"
#include "loop_view.hpp"
#include "narrow_layout.hpp"
#include "race_diagram.hpp"
#include "source_view.hpp"

namespace asyncrace::ui {

// While a run waits on real workers, the picture only grows their bars: a few frames a second
// show that, and leave the CPU (and, in the page, the main thread that posts their next jobs) to
// the work. Drawn on the CPU (platform::drawing_on_cpu: no GPU), a 1280x800 frame costs ~45 ms of
// a core and holds the main thread about as long, so fewer: 4 a second take ~0.2 of a core.
inline constexpr double real_work_frame_interval = 0.1;
inline constexpr double real_work_frame_interval_on_cpu = 0.25;

// The interpreter's step cap in the page (python::run_limits::max_steps; the CLI's is 200 M):
// Chromium's wasm interprets roughly 30-60 M instructions a second, and adaptive slices give the
// program about 9 ms of each 16.7 ms frame, so `while True: pass` ends with LimitReached after a
// few seconds (time to press Esc), while loops of some ten million iterations still run. (It was
// 20 M with fixed slices of 300,000 a frame; with slices that follow the machine's speed a 20 M
// cap ended a runaway loop within a second, in headless Chromium before a test could press Esc.)
inline constexpr std::uint64_t page_max_steps = 100'000'000;
// The interpreter's instructions per frame in the page (run_options::step_slice): a few ms of a
// 16 ms frame, so a program that computes (`while True: pass`, a long loop, a deep recursion)
// leaves the page drawing and answering input while it does.
// The first slice's size, that is: later slices adapt so a slice takes about page_slice_ms of wall
// time (python::slice_tuner, 20,000 .. 5,000,000 instructions): a slow phone keeps its frames, a fast
// desktop computes more per frame. The first is small: until a slice has been measured nothing
// says what an instruction costs, and one that allocates 4 KB (`[i] * 1000`) made 300,000 a 2 s
// frame; a fast program doubles it every frame (50 k, 100 k, 200 k, ...) to its ~9 ms.
inline constexpr std::uint64_t page_step_slice = 50'000;
inline constexpr double page_slice_ms = 9.0;

class playground {
 public:
  playground();

  // Builds one ImGui frame (call between ImGui::NewFrame and ImGui::Render) and returns when the
  // next is wanted (platform::app_callbacks::frame): at once while a run plays, every
  // `real_work_frame_interval` (`…_on_cpu`) while it waits on real workers, never (+inf) while the picture
  // stays as it is until the next input.
  double frame();
  // Rebuilds fonts for a device pixel ratio (outside a frame).
  void set_pixel_ratio(float ratio);
  // A real worker replied or failed (outside a frame): the run takes the result and hands out its
  // next job at once, not at the next frame; the news is drawn at once when no job is left out,
  // else by the next of the frames drawn every real_work_frame_interval while jobs are out.
  void worker_news();

  app_state& state() { return app_; }
  const app_state& state() const { return app_; }
  const race_diagram& diagram() const { return diagram_; }
  const console_view& console() const { return console_; }
  export_menu& exports() { return diagram_.exports(); }
  race_diagram& diagram() { return diagram_; }

  // Narrow screens: one column with tabs. The tab shown, and where each tab's button was.
  bool narrow() const { return narrow_; }
  page_tab tab() const { return tab_; }
  void show_tab(page_tab t);
  const rect& tab_button(page_tab t) const { return tab_buttons_[static_cast<int>(t)]; }
  const control_rects& controls() const { return controls_; }
  const loop_view& loops() const { return loop_view_; }
  // Code and picture tied together: the editor's cursor line (page), what it and the hovered
  // lane highlight (code_links.hpp).
  void point_at_line(unsigned line) { links_.point_at_line(line); }
  const code_links& links() const { return links_; }
  std::uint64_t frames() const { return frames_; }
  // What the last frame returned: the picture moves by itself (a run plays).
  bool animating() const { return animating_; }
  // How long the last frame took to build (ImGui calls, no GL), in ms: all of it, and the race
  // diagram's part (tests and the bench read them through the automation state).
  double build_ms() const { return build_ms_; }
  double diagram_ms() const { return diagram_ms_; }
  // The longest frame since the current run began (the bench: how long the page froze at most).
  double slowest_run_frame_ms() const { return slowest_run_frame_ms_; }

 private:
  app_state app_;
  source_view python_{language::python};
  source_view cpp_{language::cpp};
  console_view console_;
  race_diagram diagram_;
  loop_view loop_view_;  // under the diagram while app_state::wants_loop_states()
  control_rects controls_;
  announcer announcer_;  // the screen-reader mirror of the console (page_bridge)
  bool narrow_ = false;
  page_tab tab_ = page_tab::race;
  bool tab_asked_ = true;  // show_tab() since the tab bar was last drawn (first: Race, not ImGui's first tab)
  float toolbar_h_ = 0.0f;  // the wrapped toolbar's height last frame
  rect tab_buttons_[4];

  void wide_frame(float width, float height);
  void draw_diagram(const rect& area);  // and time it (diagram_ms)
  void draw_console(const rect& area);
  void narrow_frame(float width, float height);
  void tab_bar(const rect& area);
  void sources(const rect& python, const rect& cpp);
  void sync_editor();
  void link_code();  // code_links from this frame's hover and playhead, to the diagram and editor
  code_links links_;
  code_highlights links_sent_;  // what the editor was last told
  rect editor_area_;                  // where the Python pane's editor goes this frame
  std::uint64_t editor_selection_ = 0;  // the selection the editor was last given
  std::uint64_t editor_marks_ = 0;      // the SyntaxError state it was last given
  std::uint64_t frames_ = 0;
  std::chrono::steady_clock::time_point last_frame_{};
  bool animating_ = false;  // what the last frame returned
  double build_ms_ = 0.0;
  double diagram_ms_ = 0.0;
  double slowest_run_frame_ms_ = 0.0;
  std::uint64_t slowest_run_serial_ = 0;  // the run slowest_run_frame_ms_ is of
};

}  // namespace asyncrace::ui
