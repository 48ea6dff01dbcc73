// What both platforms share: ImGui setup over an SDL window + GL context, and one frame's work.
// Private to src/platform.
#pragma once

#include <atomic>

#include <SDL.h>

#include "platform.hpp"

namespace asyncrace::platform::detail {

// ImGui needs a few frames to show the effect of an input: hover and active state follow the
// previous frame, a window that appears sizes itself in its second, a scroll lands in the next.
inline constexpr int settle_frames = 3;

struct window_state {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  float pixel_ratio = 0.0f;  // last ratio the app was told about (0: not yet)
  bool quit = false;
  // Frames still to draw for the last event (the first frames too); natively request_frame()
  // may come from another thread.
  std::atomic<int> owed_frames = settle_frames;
  bool after_pause = false;         // the next frame follows a stop: its time step is real, not capped
  double interval = 0.0;            // what the app's last frame returned (seconds; on_event: none)
  double frame_started = 0.0;       // when the last frame began (seconds, SDL's counter)
  bool on_cpu = false;              // drawing_on_cpu(), found once the context exists
};

window_state& state();

// Creates the ImGui context and backends for `s`; returns an error message or empty.
std::string init_imgui(window_state& s, const char* glsl_version);
void shutdown_imgui(window_state& s);

// Something happened that may change the picture: owe the settling frames and, where the loop
// has stopped, start it again (one definition per platform).
void wake(window_state& s);
// Called after each frame: seconds until the next one is wanted (0: at once; on_event: only after
// an event). The frame an event wakes the loop for is drawn at once; the settling frames after it
// come at once too, unless frames are drawn on the CPU and the app paces its frames.
double next_frame_in(window_state& s);

// Handles pending SDL events (sets `quit` on SDL_QUIT / window close).
void pump_events(window_state& s);

// Tells the app about a new pixel ratio and re-uploads its font atlas (outside any frame).
void apply_pixel_ratio(window_state& s, const app_callbacks& app, float ratio);

// One frame: backends' NewFrame, the app's frame, Render, clear, draw, swap.
void render_frame(window_state& s, const app_callbacks& app);

}  // namespace asyncrace::platform::detail
