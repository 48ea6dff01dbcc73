// What both platforms share: ImGui setup over an SDL window + GL context, and one frame's work.
// Private to src/platform.
#pragma once

#include <SDL.h>

#include "platform.hpp"

namespace asyncrace::platform::detail {

struct window_state {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  float pixel_ratio = 0.0f;  // last ratio the app was told about (0: not yet)
  bool quit = false;
};

window_state& state();

// Creates the ImGui context and backends for `s`; returns an error message or empty.
std::string init_imgui(window_state& s, const char* glsl_version);
void shutdown_imgui(window_state& s);

// Handles pending SDL events (sets `quit` on SDL_QUIT / window close).
void pump_events(window_state& s);

// Tells the app about a new pixel ratio and re-uploads its font atlas (outside any frame).
void apply_pixel_ratio(window_state& s, const app_callbacks& app, float ratio);

// One frame: backends' NewFrame, the app's frame, Render, clear, draw, swap.
void render_frame(window_state& s, const app_callbacks& app);

}  // namespace asyncrace::platform::detail
