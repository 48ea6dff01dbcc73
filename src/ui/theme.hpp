// The playground's look: a dark ImGui style and the colours the race diagram draws with.
#pragma once

#include <imgui.h>

namespace asyncrace::ui {

void apply_theme();

// Colours with meaning, shared by the diagram, its legend and the console.
namespace palette {
inline constexpr ImU32 text = IM_COL32(222, 226, 232, 255);
inline constexpr ImU32 text_dim = IM_COL32(140, 148, 160, 255);
inline constexpr ImU32 accent = IM_COL32(94, 160, 255, 255);
inline constexpr ImU32 time = IM_COL32(110, 190, 150, 255);  // console time column
inline constexpr ImU32 warning = IM_COL32(240, 190, 80, 255);
inline constexpr ImU32 error = IM_COL32(255, 110, 100, 255);
inline constexpr ImU32 step = IM_COL32(90, 220, 130, 255);       // a task running
inline constexpr ImU32 sleep = IM_COL32(76, 141, 255, 200);      // waiting on a timer
inline constexpr ImU32 deadline = IM_COL32(255, 196, 70, 255);   // the timer's deadline
inline constexpr ImU32 awaiting = IM_COL32(160, 120, 230, 150);  // waiting on a task / gather
inline constexpr ImU32 yielding = IM_COL32(70, 200, 200, 200);   // sleep(0)
inline constexpr ImU32 future = IM_COL32(150, 150, 160, 150);    // waiting on a plain future
inline constexpr ImU32 created = IM_COL32(200, 205, 215, 255);
inline constexpr ImU32 pool_job = IM_COL32(236, 140, 72, 255);   // an executor job running on a worker
inline constexpr ImU32 queued = IM_COL32(236, 140, 72, 150);     // its wait in the pool's queue
inline constexpr ImU32 finish = IM_COL32(255, 205, 80, 255);  // rank badges
inline constexpr ImU32 failed = IM_COL32(255, 100, 90, 255);  // exception / cancelled
inline constexpr ImU32 blocked = IM_COL32(255, 70, 70, 64);   // loop blocked, all lanes
inline constexpr ImU32 blocked_edge = IM_COL32(255, 90, 90, 190);
inline constexpr ImU32 playhead = IM_COL32(255, 255, 255, 150);
inline constexpr ImU32 hover = IM_COL32(255, 255, 255, 24);
}  // namespace palette

// Background shader colours (linear RGBA 0..1).
struct band_colors {
  float even[4] = {0.102f, 0.114f, 0.137f, 1.0f};
  float odd[4] = {0.122f, 0.137f, 0.161f, 1.0f};
  float minor[4] = {1.0f, 1.0f, 1.0f, 0.045f};
  float major[4] = {1.0f, 1.0f, 1.0f, 0.13f};
  float future[4] = {0.0f, 0.0f, 0.0f, 0.28f};  // not yet played
  float hover[4] = {0.37f, 0.63f, 1.0f, 0.08f};
};

}  // namespace asyncrace::ui
