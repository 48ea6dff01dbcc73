// The desktop: an SDL2 window with an OpenGL 3.3 core context and a plain frame loop.
#include "frame_loop.hpp"

namespace asyncrace::platform {

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
  return detail::init_imgui(s, glsl_version());
}

void run(const app_callbacks& callbacks) {
  auto& s = detail::state();
  // SDL reports the drawable/window ratio through ImGui's DisplayFramebufferScale; fonts stay at 1.
  detail::apply_pixel_ratio(s, callbacks, 1.0f);
  while (!s.quit) {
    detail::pump_events(s);
    detail::render_frame(s, callbacks);
  }
}

void shutdown() {
  auto& s = detail::state();
  detail::shutdown_imgui(s);
  if (s.gl != nullptr) SDL_GL_DeleteContext(s.gl);
  if (s.window != nullptr) SDL_DestroyWindow(s.window);
  SDL_Quit();
}

const char* glsl_version() { return "#version 330 core"; }

}  // namespace asyncrace::platform
