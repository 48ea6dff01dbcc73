// The browser: a WebGL2 context on the page's #canvas, which CSS stretches over the whole window;
// requestAnimationFrame (through emscripten_set_main_loop_arg) drives the frames.
#include <emscripten.h>
#include <emscripten/html5.h>

#include "frame_loop.hpp"

namespace asyncrace::platform {
namespace {

// The canvas's CSS size: the page stylesheet makes it fill the window.
void canvas_css_size(int& w, int& h) {
  double css_w = 0.0;
  double css_h = 0.0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  w = static_cast<int>(css_w);
  h = static_cast<int>(css_h);
}

// SDL follows browser resizes itself, but not every devicePixelRatio change (page zoom, moving to
// another screen); checking once a frame is cheap and keeps the backing store crisp.
void follow_canvas(detail::window_state& s, const app_callbacks& app) {
  int css_w = 0;
  int css_h = 0;
  canvas_css_size(css_w, css_h);
  const auto ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
  int win_w = 0;
  int win_h = 0;
  SDL_GetWindowSize(s.window, &win_w, &win_h);
  int fb_w = 0;
  int fb_h = 0;
  SDL_GL_GetDrawableSize(s.window, &fb_w, &fb_h);
  const bool backing_stale = fb_w != static_cast<int>(static_cast<float>(css_w) * ratio);
  // SDL_SetWindowSize re-reads the ratio and resizes the canvas's backing store to match.
  if (css_w > 0 && css_h > 0 && (css_w != win_w || css_h != win_h || backing_stale))
    SDL_SetWindowSize(s.window, css_w, css_h);
  detail::apply_pixel_ratio(s, app, ratio);
}

void web_frame(void* arg) {
  const auto& app = *static_cast<const app_callbacks*>(arg);
  auto& s = detail::state();
  detail::pump_events(s);
  follow_canvas(s, app);
  detail::render_frame(s, app);
}

}  // namespace

std::string init(const window_options& options) {
  auto& s = detail::state();
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) return std::string("SDL_Init: ") + SDL_GetError();
  // WebGL2 is what SDL calls an OpenGL ES 3.0 context.
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  int w = options.width;
  int h = options.height;
  canvas_css_size(w, h);
  const auto flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  s.window = SDL_CreateWindow(options.title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
  if (s.window == nullptr) return std::string("SDL_CreateWindow: ") + SDL_GetError();
  s.gl = SDL_GL_CreateContext(s.window);
  if (s.gl == nullptr) return std::string("WebGL2 context: ") + SDL_GetError();
  SDL_GL_MakeCurrent(s.window, s.gl);
  return detail::init_imgui(s, glsl_version());
}

void run(const app_callbacks& callbacks) {
  static app_callbacks app;  // outlives main(): the browser calls web_frame long after
  app = callbacks;
  // fps 0 = requestAnimationFrame; simulate_infinite_loop = 1: main() does not continue.
  emscripten_set_main_loop_arg(web_frame, &app, 0, 1);
}

void shutdown() {}

const char* glsl_version() { return "#version 300 es"; }

}  // namespace asyncrace::platform
