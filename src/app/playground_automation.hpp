// The C functions the page exports for tests and automation (Module.ccall): select a tutorial,
// set options, run, and read the state back as JSON.
#pragma once

// What an exported function is declared with: kept and callable from JavaScript on the web.
#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#define ASYNCRACE_EXPORT extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define ASYNCRACE_EXPORT extern "C"
#endif

namespace asyncrace::ui {
class playground;
}

namespace asyncrace::app {

// The playground the exported functions act on (set once, before the first frame).
void attach_automation(ui::playground* target);
// That playground (null before attach_automation): other automation files (predict, loop) act on it too.
ui::playground* automation_target();

}  // namespace asyncrace::app
