// The browser: a WebGL2 context on the page's #canvas, which CSS stretches over the whole window;
// requestAnimationFrame (through emscripten_set_main_loop_arg) drives the frames while something
// changes. When nothing does, the loop is paused and requests no frames at all; the next input
// event (SDL's handlers run inside the browser's), resize, pixel-ratio change or request_frame()
// resumes it, and so does a timer when the app asked for its next frame a while later.
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include "frame_loop.hpp"

namespace asyncrace::platform {
namespace {

bool stopped = false;  // the animation-frame loop is paused
long timer = 0;        // resumes it when the app asked for a frame later (0: none)

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

void resume_loop() {
  if (timer != 0) emscripten_clear_timeout(timer);
  timer = 0;
  if (!stopped) return;
  stopped = false;
  emscripten_resume_main_loop();
}

void timed_resume(void*) {
  timer = 0;
  resume_loop();
}

// Pauses the loop from inside its own callback (Emscripten's runner then schedules no frame); a
// finite delay sets a timer that resumes it.
void stop_loop(detail::window_state& s, double seconds) {
  stopped = true;
  s.after_pause = true;
  emscripten_pause_main_loop();
  if (seconds != on_event) timer = emscripten_set_timeout(timed_resume, seconds * 1000.0, nullptr);
}

void web_frame(void* arg) {
  const auto& app = *static_cast<const app_callbacks*>(arg);
  auto& s = detail::state();
  detail::pump_events(s);
  follow_canvas(s, app);
  detail::render_frame(s, app);
  if (const double next = detail::next_frame_in(s); next > 0.0) stop_loop(s, next);
}

// A devicePixelRatio change without a resize (moving the window to another screen) sends no
// event SDL listens to; a media query on the current ratio does.
EM_JS(void, asyncrace_js_watch_pixel_ratio, (), {
  if (typeof matchMedia !== 'function') return;
  var watch = function() {
    var query = matchMedia('(resolution: ' + devicePixelRatio + 'dppx)');
    var changed = function() {
      query.removeEventListener('change', changed);
      Module['_asyncrace_request_frame']();
      watch();
    };
    query.addEventListener('change', changed);
  };
  watch();
});

// Which renderer draws the canvas: the browser names a software one (Chromium without a usable
// GPU: SwiftShader; Firefox on Mesa: llvmpipe; Windows' Basic Render Driver). Chromium masks
// RENDERER and names it through WEBGL_debug_renderer_info; Firefox names it in RENDERER (and warns
// about the extension, so it is asked only when RENDERER says nothing). failIfMajorPerformanceCaveat
// would be the standard question, but headless Chromium on SwiftShader answers it with a context.
EM_JS(int, asyncrace_js_drawing_on_cpu, (), {
  try {
    var gl = Module['canvas'].getContext('webgl2');
    var name = String(gl.getParameter(gl.RENDERER));
    if (name.indexOf('WebKit') === 0) {
      var info = gl.getExtension('WEBGL_debug_renderer_info');
      if (info) name = String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL));
    }
    return new RegExp('SwiftShader|llvmpipe|softpipe|Basic Render|Software', 'i').test(name) ? 1 : 0;
  } catch (e) {
    return 0;
  }
});

}  // namespace

namespace detail {

void wake(window_state& s) {
  s.owed_frames = settle_frames;
  resume_loop();  // if drawing anyway, the owed frames follow
}

}  // namespace detail

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
  s.on_cpu = asyncrace_js_drawing_on_cpu() != 0;
  asyncrace_js_watch_pixel_ratio();
  return detail::init_imgui(s, glsl_version());
}

void run(const app_callbacks& callbacks) {
  static app_callbacks app;  // outlives main(): the browser calls web_frame long after
  app = callbacks;
  // fps 0 = requestAnimationFrame; simulate_infinite_loop = 1: main() does not continue.
  emscripten_set_main_loop_arg(web_frame, &app, 0, 1);
}

void request_frame() { detail::wake(detail::state()); }

bool idle() { return stopped && timer == 0; }

bool drawing_on_cpu() { return detail::state().on_cpu; }

void shutdown() {}

const char* glsl_version() { return "#version 300 es"; }

}  // namespace asyncrace::platform

// For the page's own scripts (the pixel-ratio watch above; a worker's reply).
extern "C" EMSCRIPTEN_KEEPALIVE void asyncrace_request_frame() { asyncrace::platform::request_frame(); }
