// The window, its GL context and Dear ImGui's platform + renderer backends, behind one interface
// with one implementation per platform (platform_web.cpp, platform_native.cpp; CMake picks one).
// The caller builds its ImGui frame in `frame`; everything around it (events, NewFrame, Render,
// swap) happens here.
//
// Frames are drawn only when something changes: after an input event, a resize, a pixel-ratio
// change or request_frame() the platform draws a few frames (ImGui needs them to settle), then
// more only while the app says it is animating; otherwise it requests none (on the web the
// animation-frame loop stops until the next event), so an idle page costs no CPU.
#pragma once

#include <limits>
#include <string>

namespace asyncrace::platform {

struct window_options {
  const char* title = "asyncrace";
  int width = 1280;  // initial size natively; on the web the canvas follows the browser window
  int height = 800;
};

struct app_callbacks {
  void* user = nullptr;
  // Builds one ImGui frame (between ImGui::NewFrame and ImGui::Render) and says when the picture
  // next moves by itself: 0 at every frame the display offers (a playing run), a number of seconds
  // for at most one frame per that interval (slow changes, or the CPU is better spent elsewhere),
  // or `on_event`: it stays as it is until input arrives or request_frame() is called.
  double (*frame)(void* user) = nullptr;
  // Called before the first frame and whenever the device pixel ratio changes, outside any frame,
  // so the app can rebuild its font atlas for crisp text; the platform re-uploads the atlas after.
  void (*scale_changed)(void* user, float pixel_ratio) = nullptr;
};

// What a frame callback returns when the picture stays as it is until the next event.
inline constexpr double on_event = std::numeric_limits<double>::infinity();

// Creates the window and GL context and initialises ImGui (context, backends). On failure returns
// a message naming what failed; empty on success.
std::string init(const window_options& options);

// Runs the frame loop. Natively it returns when the window is closed. On the web the browser owns
// the loop (requestAnimationFrame) and this never returns: keep `callbacks.user` in static storage.
void run(const app_callbacks& callbacks);

// Asks for frames from outside the event stream (an automation call, a worker's reply): the loop
// wakes if it was stopped and draws until the app settles again. Any thread natively; the page's
// main thread on the web.
void request_frame();

// True while the loop is stopped until an event (no timed frame pending): everything asked for has
// been drawn.
// Tests wait for this instead of counting frames, which stop coming on an idle page.
bool idle();

// True when the GL context is drawn by the CPU (no GPU, or one the browser will not use: Chromium
// then runs WebGL on SwiftShader; natively Mesa's llvmpipe). A frame then costs tens of
// milliseconds of a core at a desktop's size, taken from the program's own workers: while the app
// paces its frames (a finite interval), the frames an event owes after its first keep that pace.
bool drawing_on_cpu();

// Tears down ImGui and the window (natively; the web page simply goes away).
void shutdown();

// The GLSL version line for this platform's shaders ("#version 300 es" on WebGL2).
const char* glsl_version();

}  // namespace asyncrace::platform
