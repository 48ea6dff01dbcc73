// The desktop: an SDL2 window with an OpenGL 3.3 core context and a frame loop that sleeps in
// SDL_WaitEvent while nothing changes.
#include <cmath>
#include <cstring>

#include "asyncrace_gl.hpp"
#include "frame_loop.hpp"

namespace asyncrace::platform {
namespace {

std::atomic<bool> waiting{false};  // the loop sleeps until an event, not a time (idle())
Uint32 wake_event = 0;             // the user event request_frame() pushes

// Sleeps until an event arrives (input, a window change, request_frame()) or `seconds` pass.
void wait_for_change(detail::window_state& s, double seconds) {
  s.after_pause = true;
  waiting = seconds == on_event;
  if (seconds == on_event)
    SDL_WaitEvent(nullptr);
  else
    SDL_WaitEventTimeout(nullptr, static_cast<int>(std::ceil(seconds * 1000.0)));
  waiting = false;
}

}  // namespace

namespace detail {

void wake(window_state& s) { s.owed_frames = settle_frames; }  // SDL_WaitEvent returns by itself

}  // namespace detail

std::string init(const window_options& options) {
  auto& s = detail::state();
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) return std::string("SDL_Init: ") + SDL_GetError();
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  const auto flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  s.window = SDL_CreateWindow(options.title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width,
                              options.height, flags);
  if (s.window == nullptr) return std::string("SDL_CreateWindow: ") + SDL_GetError();
  s.gl = SDL_GL_CreateContext(s.window);
  if (s.gl == nullptr) return std::string("OpenGL 3.3 context: ") + SDL_GetError();
  SDL_GL_MakeCurrent(s.window, s.gl);
  SDL_GL_SetSwapInterval(1);  // vsync
  const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  s.on_cpu = renderer != nullptr && (std::strstr(renderer, "llvmpipe") != nullptr ||
                                     std::strstr(renderer, "softpipe") != nullptr ||
                                     std::strstr(renderer, "SwiftShader") != nullptr);
  wake_event = SDL_RegisterEvents(1);
  return detail::init_imgui(s, glsl_version());
}

void run(const app_callbacks& callbacks) {
  auto& s = detail::state();
  // SDL reports the drawable/window ratio through ImGui's DisplayFramebufferScale; fonts stay at 1.
  detail::apply_pixel_ratio(s, callbacks, 1.0f);
  while (!s.quit) {
    detail::pump_events(s);
    detail::render_frame(s, callbacks);
    if (const double next = detail::next_frame_in(s); next > 0.0) wait_for_change(s, next);
  }
}

void request_frame() {
  if (wake_event == 0 || wake_event == static_cast<Uint32>(-1)) return;
  SDL_Event event{};
  event.type = wake_event;
  SDL_PushEvent(&event);  // thread-safe; the event watch owes the frames and SDL_WaitEvent returns
}

bool idle() { return waiting; }

bool drawing_on_cpu() { return detail::state().on_cpu; }

void shutdown() {
  auto& s = detail::state();
  detail::shutdown_imgui(s);
  if (s.gl != nullptr) SDL_GL_DeleteContext(s.gl);
  if (s.window != nullptr) SDL_DestroyWindow(s.window);
  SDL_Quit();
}

const char* glsl_version() { return "#version 330 core"; }

}  // namespace asyncrace::platform
