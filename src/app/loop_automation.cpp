#include "loop_automation.hpp"

#include <cstdio>
#include <string>
#include <string_view>

#include "platform/platform.hpp"
#include "playground_automation.hpp"
#include "trace/loop_steps.hpp"
#include "trace/transcript.hpp"
#include "ui/playground.hpp"

namespace asyncrace::app {
namespace {

constexpr std::size_t max_listed = 200;  // ready entries and heap timers listed at most

void append_ids(std::string& out, const char* name, const std::vector<timer_entry>& timers) {
  out += ",\"";
  out += name;
  out += "\":[";
  for (std::size_t i = 0; i < timers.size() && i < max_listed; ++i)
    out += (i ? "," : "") + std::to_string(timers[i].task);
  out += ']';
}

void append_box(std::string& out, const char* name, const ui::rect& r) {
  char buf[160];
  std::snprintf(buf, sizeof buf, ",\"%s\":{\"x\":%.3f,\"y\":%.3f,\"w\":%.3f,\"h\":%.3f}", name, r.x, r.y, r.w, r.h);
  out += buf;
}

}  // namespace

void append_loop_state(std::string& out, const ui::playground& p) {
  const ui::app_state& app = p.state();
  append_box(out, "loop_panel", app.wants_loop_states() ? p.loops().panel() : ui::rect{});
  append_box(out, "diagram_axis", p.diagram().axis_strip());
  out += ",\"loop_view\":";
  out += app.wants_loop_states() ? "true" : "false";
  out += ",\"paused\":";
  out += app.paused() ? "true" : "false";
  out += ",\"loop\":";
  if (app.stepper() == nullptr) {
    out += "null";
    return;
  }
  ui::loop_stepper s = *app.stepper();  // a copy: picture() caches
  const ui::loop_picture& pic = s.picture();
  char head[256];
  std::snprintf(head, sizeof head,
                "{\"iterations\":%zu,\"index\":%zu,\"sub\":%zu,\"steps\":%zu,\"iteration\":%llu,\"t\":%.9g,"
                "\"pops_done\":%zu,\"callbacks_done\":%zu,\"lines_printed\":%zu",
                s.iterations(), s.position().iteration, s.position().sub, s.steps_in(s.position().iteration),
                static_cast<unsigned long long>(pic.state.iteration), pic.state.t, pic.pops_done, pic.callbacks_done,
                pic.lines_printed);
  out += head;
  // The timer that pops next in this iteration (the heap's root), 0 when its pops are done.
  const bool popping = pic.pops_done < pic.state.popped.size() && !pic.heap.empty();
  out += ",\"next_pop\":" + std::to_string(popping ? pic.heap.front().task : no_task);
  append_ids(out, "popped", pic.state.popped);
  append_ids(out, "heap", pic.heap);
  out += ",\"ready\":[";
  for (std::size_t i = 0; i < pic.state.ready.size() && i < max_listed; ++i) {
    out += i ? ",{\"kind\":" : "{\"kind\":";
    trace::append_json_quoted(out, to_string(pic.state.ready[i].kind));
    out += ",\"task\":" + std::to_string(pic.state.ready[i].task) + '}';
  }
  // The iteration as `asyncrace run --steps` prints it, await chains included (null for a big run).
  const bool small = pic.state.chains.size() + pic.state.timers.size() + pic.state.ready.size() <= max_listed;
  out += "],\"state\":" + (small ? trace::to_json(pic.state, trace::lane_names(p.state().session()->trace())) : "null") + '}';
}

}  // namespace asyncrace::app

// What the page's loop keys do (web/keys.js): "pause" (Space), "step" / "back" (→ / ←),
// "iteration" / "iteration_back" (Shift+→ / Shift+←), "line" / "line_back" (. / ,), "view" (L:
// shows or hides the Event loop view). 1 when it did something; 0 lets the key go on (no run
// recording the loop, nowhere to go).
ASYNCRACE_EXPORT int asyncrace_loop(const char* action) {
  using move = asyncrace::ui::app_state::loop_move;
  asyncrace::platform::request_frame();
  asyncrace::ui::playground* p = asyncrace::app::automation_target();
  if (p == nullptr || action == nullptr) return 0;
  asyncrace::ui::app_state& app = p->state();
  const std::string_view a = action;
  if (a == "view") {
    app.want_loop_states(!app.wants_loop_states());
    return 1;
  }
  if (!app.wants_loop_states()) return 0;
  if (a == "pause") return app.toggle_pause() ? 1 : 0;
  const int direction = a.ends_with("_back") ? -1 : +1;
  const std::string_view what = direction < 0 ? a.substr(0, a.size() - 5) : a;
  const move m = what == "iteration" ? move::iteration : what == "line" ? move::line : move::callback;
  if (what != "step" && what != "back" && what != "iteration" && what != "line") return 0;
  // Stepping at either end still owns the key (no page scroll under the view).
  app.step(m, what == "back" ? -1 : direction);
  return 1;
}

// Drags the playhead to virtual time `t` (pauses; turns the Event loop view on when it was off).
ASYNCRACE_EXPORT void asyncrace_scrub(double t) {
  asyncrace::platform::request_frame();
  if (asyncrace::ui::playground* p = asyncrace::app::automation_target()) p->state().scrub(t);
}
