#include "frame_loop.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include "asyncrace_gl.hpp"

namespace asyncrace::platform::detail {

window_state& state() {
  static window_state s;
  return s;
}

namespace {

// Runs inside SDL_PushEvent, which on the web is called from the browser's event handler itself:
// an input event wakes a stopped loop at once, without a frame having to poll for it.
int watch_event(void* user, SDL_Event* event) {
  if (event->type != SDL_POLLSENTINEL) wake(*static_cast<window_state*>(user));
  return 0;
}

}  // namespace

std::string init_imgui(window_state& s, const char* glsl_version) {
  SDL_AddEventWatch(watch_event, &s);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is computed from the window size; nothing to persist
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  if (!ImGui_ImplSDL2_InitForOpenGL(s.window, s.gl)) return "ImGui SDL2 backend failed to initialise";
  if (!ImGui_ImplOpenGL3_Init(glsl_version)) return "ImGui OpenGL3 backend failed to initialise";
  return {};
}

void shutdown_imgui(window_state&) {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
}

namespace {
double seconds_now() {
  return static_cast<double>(SDL_GetPerformanceCounter()) / static_cast<double>(SDL_GetPerformanceFrequency());
}
}  // namespace

double next_frame_in(window_state& s) {
  const bool paced = s.interval > 0.0 && s.interval != on_event;
  const double pace = paced ? std::max(0.0, s.frame_started + s.interval - seconds_now()) : 0.0;
  if (s.owed_frames.load() > 0) {
    --s.owed_frames;
    return s.on_cpu ? pace : 0.0;
  }
  if (s.interval == on_event) return on_event;
  return pace;
}

void pump_events(window_state& s) {
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_QUIT) s.quit = true;
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
        event.window.windowID == SDL_GetWindowID(s.window))
      s.quit = true;
  }
}

void apply_pixel_ratio(window_state& s, const app_callbacks& app, float ratio) {
  if (ratio == s.pixel_ratio) return;
  s.pixel_ratio = ratio;
  if (app.scale_changed == nullptr) return;
  // Before the first frame the backend has no texture yet and uploads the atlas in NewFrame.
  const bool uploaded = ImGui::GetIO().Fonts->TexID != ImTextureID{};
  app.scale_changed(app.user, ratio);
  if (uploaded) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
}

void render_frame(window_state& s, const app_callbacks& app) {
  s.frame_started = seconds_now();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  // ImGui's own clock (double-click time, key repeat) moves at most 50 ms a frame, so two clicks
  // in consecutive slow frames (a loaded machine, software WebGL) still make a double-click. The
  // app measures real time for itself.
  // After a stop the step is the real time that passed, so two clicks seconds apart stay two clicks.
  ImGuiIO& io = ImGui::GetIO();
  if (!s.after_pause) io.DeltaTime = std::min(io.DeltaTime, 0.05f);
  s.after_pause = false;
  ImGui::NewFrame();
  s.interval = app.frame != nullptr ? app.frame(app.user) : on_event;
  ImGui::Render();

  int fb_w = 0;
  int fb_h = 0;
  SDL_GL_GetDrawableSize(s.window, &fb_w, &fb_h);
  glViewport(0, 0, fb_w, fb_h);
  glClearColor(0.067f, 0.075f, 0.09f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  SDL_GL_SwapWindow(s.window);
}

}  // namespace asyncrace::platform::detail
