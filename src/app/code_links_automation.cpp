#include "code_links_automation.hpp"

#include <cstdio>

#include "platform/platform.hpp"
#include "playground_automation.hpp"
#include "trace/transcript.hpp"
#include "ui/playground.hpp"

namespace asyncrace::app {

namespace {
template <class T>
void append_list(std::string& out, const char* name, const std::vector<T>& values) {
  out += ",\"";
  out += name;
  out += "\":[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(values[i]);
  }
  out += ']';
}
}  // namespace

void append_code_links(std::string& out, const ui::playground& p) {
  const ui::code_links& links = p.links();
  const ui::code_highlights& h = links.current();
  out += ",\"code_links\":{\"hover_task\":" + std::to_string(links.hovered_task());
  out += ",\"cursor_line\":" + std::to_string(links.cursor_line());
  out += ",\"function\":";
  trace::append_json_quoted(out, h.function);
  append_list(out, "suspended", h.suspended);
  append_list(out, "hovered", h.hovered);
  append_list(out, "lanes", h.lanes);
  out += ",\"task_rows\":[";
  const tutorials::session* run = p.state().session();
  for (const ui::race_diagram::drawn_row& row : p.diagram().task_rows_drawn()) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "{\"task\":%u,\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"coro\":",
                  static_cast<unsigned>(row.task), row.area.x, row.area.y, row.area.w, row.area.h);
    if (out.back() != '[') out += ',';
    out += buf;
    const trace::task_lane* lane = run != nullptr ? run->trace().lane(row.task) : nullptr;
    trace::append_json_quoted(out, lane != nullptr ? lane->coro : std::string());
    out += '}';
  }
  out += "]}";
}

}  // namespace asyncrace::app

// The editor's cursor moved to `line` (1-based; 0: the editor lost it): the lanes of the tasks
// running the function there are marked from the next frame.
ASYNCRACE_EXPORT void asyncrace_editor_line(int line) {
  asyncrace::platform::request_frame();
  if (asyncrace::ui::playground* p = asyncrace::app::automation_target())
    p->point_at_line(line > 0 ? static_cast<unsigned>(line) : 0u);
}
