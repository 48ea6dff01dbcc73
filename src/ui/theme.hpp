// The playground's look: a dark or a light ImGui style and the colours the race diagram draws with.
// The page starts in the one prefers-color-scheme asks for (or the learner chose last time); the
// toolbar switches.
#pragma once

#include <imgui.h>

namespace asyncrace::ui {

enum class theme_kind { dark, light };

// Sets ImGui's style and the palette below (call between frames or before the first).
void apply_theme(theme_kind kind = theme_kind::dark);
theme_kind current_theme();

// Colours with meaning, shared by the diagram, its legend and the console. The text and surface
// colours follow the theme (apply_theme rewrites them); the marks keep theirs in both.
namespace palette {
inline ImU32 text = IM_COL32(222, 226, 232, 255);
inline ImU32 text_dim = IM_COL32(140, 148, 160, 255);
inline ImU32 accent = IM_COL32(94, 160, 255, 255);
inline ImU32 time = IM_COL32(110, 190, 150, 255);  // console time column
inline ImU32 warning = IM_COL32(240, 190, 80, 255);
inline ImU32 error = IM_COL32(255, 110, 100, 255);
inline constexpr ImU32 step = IM_COL32(90, 220, 130, 255);       // a task running
inline constexpr ImU32 sleep = IM_COL32(76, 141, 255, 200);      // waiting on a timer
inline constexpr ImU32 deadline = IM_COL32(255, 196, 70, 255);   // the timer's deadline
inline constexpr ImU32 awaiting = IM_COL32(160, 120, 230, 150);  // waiting on a task / gather
inline constexpr ImU32 yielding = IM_COL32(70, 200, 200, 200);   // sleep(0)
inline constexpr ImU32 future = IM_COL32(150, 150, 160, 150);    // waiting on a plain future
inline ImU32 created = IM_COL32(200, 205, 215, 255);
inline constexpr ImU32 pool_job = IM_COL32(236, 140, 72, 255);   // an executor job running on a worker
inline constexpr ImU32 queued = IM_COL32(236, 140, 72, 150);     // its wait in the pool's queue
inline ImU32 finish = IM_COL32(255, 205, 80, 255);  // rank badges, the finish order
inline constexpr ImU32 failed = IM_COL32(255, 100, 90, 255);  // exception / cancelled
inline constexpr ImU32 blocked = IM_COL32(255, 70, 70, 64);   // loop blocked, all lanes
inline constexpr ImU32 blocked_edge = IM_COL32(255, 90, 90, 190);
inline constexpr ImU32 folded = IM_COL32(96, 110, 150, 220);  // many waits too small to draw apart
inline constexpr ImU32 folded_edge = IM_COL32(190, 200, 230, 160);
inline ImU32 playhead = IM_COL32(255, 255, 255, 150);
inline ImU32 hover = IM_COL32(255, 255, 255, 24);
inline ImU32 rule = IM_COL32(70, 78, 92, 255);        // axis and separator lines
inline ImU32 band_even = IM_COL32(26, 29, 35, 255);   // lane bands without the shader
inline ImU32 band_odd = IM_COL32(31, 35, 41, 255);
inline ImU32 line_number = IM_COL32(90, 98, 112, 255);
inline ImU32 syntax_keyword = IM_COL32(198, 146, 255, 255);  // syntax colours of the sources
inline ImU32 syntax_string = IM_COL32(152, 210, 120, 255);
inline ImU32 syntax_comment = IM_COL32(110, 120, 134, 255);
inline ImU32 syntax_number = IM_COL32(245, 170, 100, 255);
inline ImU32 syntax_preprocessor = IM_COL32(110, 170, 230, 255);
inline ImU32 page = IM_COL32(17, 19, 23, 255);  // behind the panels
}  // namespace palette

// Background shader colours (linear RGBA 0..1), for the current theme (theme_bands()).
struct band_colors {
  float even[4] = {0.102f, 0.114f, 0.137f, 1.0f};
  float odd[4] = {0.122f, 0.137f, 0.161f, 1.0f};
  float minor[4] = {1.0f, 1.0f, 1.0f, 0.045f};
  float major[4] = {1.0f, 1.0f, 1.0f, 0.13f};
  float future[4] = {0.0f, 0.0f, 0.0f, 0.28f};  // not yet played
  float hover[4] = {0.37f, 0.63f, 1.0f, 0.08f};
};

band_colors theme_bands();

}  // namespace asyncrace::ui
