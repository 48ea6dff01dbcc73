// Automation for tracebacks in the page (tests/web/traceback.test.mjs): where the console drew
// the frame lines it links to the editor, and the race diagram's raise marks (from the trace).
#include <cstdio>
#include <string>

#include "playground_automation.hpp"
#include "trace/transcript.hpp"
#include "ui/playground.hpp"
#include "ui/raise_marks.hpp"
#include "ui/time_axis.hpp"

namespace asyncrace::app {
namespace {

void append_links(std::string& out, const ui::console_view& console) {
  out += "\"frame_links\":[";
  bool first = true;
  for (const ui::console_view::frame_link& l : console.frame_links()) {
    char buf[200];
    std::snprintf(buf, sizeof buf, "%s{\"line\":%u,\"x\":%.3f,\"y\":%.3f,\"w\":%.3f,\"h\":%.3f}", first ? "" : ",", l.line,
                  l.at.x, l.at.y, l.at.w, l.at.h);
    out += buf;
    first = false;
  }
  out += ']';
}

// Each mark with its screen x on the selected run's diagram (null when outside the plot).
void append_marks(std::string& out, const ui::playground& p) {
  out += ",\"raise_marks\":[";
  const tutorials::session* run = p.state().session();
  if (run != nullptr) {
    bool first = true;
    const ui::rect& plot = p.diagram().plot();
    for (const ui::raise_mark& m : ui::raise_marks(run->trace())) {
      const double x = p.diagram().axis().to_x(m.t);
      out += first ? "{" : ",{";
      out += "\"task\":" + trace::json_quote(m.name) + ",\"coro\":" + trace::json_quote(m.coro);
      char buf[96];
      std::snprintf(buf, sizeof buf, ",\"t\":%.9g,\"x\":", m.t);
      out += buf;
      if (x >= 0.0 && x <= plot.w) {
        std::snprintf(buf, sizeof buf, "%.3f", plot.x + x);
        out += buf;
      } else {
        out += "null";
      }
      out += '}';
      first = false;
    }
  }
  out += ']';
}

}  // namespace
}  // namespace asyncrace::app

// {"frame_links":[{"line":4,"x":..,"y":..,"w":..,"h":..}],"raise_marks":[{"task":"Task-2","coro":"fail","t":1,"x":..}]}
ASYNCRACE_EXPORT const char* asyncrace_traceback_json() {
  static std::string out;
  out = "{";
  if (const asyncrace::ui::playground* p = asyncrace::app::automation_target()) {
    asyncrace::app::append_links(out, p->console());
    asyncrace::app::append_marks(out, *p);
  }
  out += '}';
  return out.c_str();
}
