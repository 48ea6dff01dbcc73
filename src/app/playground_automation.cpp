#include "playground_automation.hpp"

#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>

#include <imgui.h>

#include "loop/tie_policy.hpp"
#include "code_links_automation.hpp"
#include "loop_automation.hpp"
#include "platform/platform.hpp"
#include "pool/real_executors.hpp"
#include "trace/transcript.hpp"
#include "ui/exports.hpp"
#include "ui/playground.hpp"
#include "ui/theme.hpp"

namespace asyncrace::app {
namespace {

ui::playground* target = nullptr;

// Lines and finishers listed in the state at most: a run of a million tasks would make every
// state read a 100 MB string. The counts are always whole ("finished_count", "lanes").
constexpr std::size_t max_listed = 1000;

void append_number(std::string& out, double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.6f", v == trace::never ? -1.0 : v);
  out += buf;
}

// [a,b,…]
void append_numbers(std::string& out, std::initializer_list<double> values) {
  out += '[';
  for (double v : values) {
    if (out.back() != '[') out += ',';
    append_number(out, v);
  }
  out += ']';
}

void append_rect(std::string& out, const char* name, const ui::rect& r) {
  out += '"';
  out += name;
  out += "\":{\"x\":";
  append_number(out, r.x);
  out += ",\"y\":";
  append_number(out, r.y);
  out += ",\"w\":";
  append_number(out, r.w);
  out += ",\"h\":";
  append_number(out, r.h);
  out += '}';
}

// "lines":[{"t":…,"text":…},…]: what the run printed up to the playhead (the first max_listed).
void append_lines(std::string& out, const tutorials::session* run, double playhead) {
  out += ",\"lines\":[";
  bool first = true;
  std::size_t budget = max_listed;
  if (run != nullptr)
    for (const trace::output_line& line : run->trace().lines()) {
      if (line.t > playhead) continue;
      if (budget-- == 0) break;
      out += first ? "{\"t\":" : ",{\"t\":";
      first = false;
      append_number(out, line.t);
      out += ",\"text\":";
      trace::append_json_quoted(out, line.text);
      out += '}';
    }
  out += ']';
}

void append_run(std::string& out, const ui::app_state& app) {
  const tutorials::session* run = app.session();
  out += ",\"running\":";
  out += app.running() ? "true" : "false";
  out += ",\"finished\":";
  out += run != nullptr && !app.running() ? "true" : "false";
  out += ",\"now\":";
  append_number(out, app.playhead());
  out += ",\"error\":";
  trace::append_json_quoted(out, run != nullptr ? run->error() : std::string());
  append_lines(out, run, app.playhead());
  out += ",\"finish_order\":[";
  bool first = true;
  std::size_t finished = 0;
  if (run != nullptr)
    for (task_id id : run->trace().finish_order()) {
      const trace::task_lane* lane = run->trace().lane(id);
      if (lane == nullptr || lane->finished > app.playhead()) continue;
      if (++finished > max_listed) continue;
      out += first ? "{\"id\":" : ",{\"id\":";
      first = false;
      out += std::to_string(lane->id);
      out += ",\"name\":";
      trace::append_json_quoted(out, lane->name);
      out += ",\"coro\":";
      trace::append_json_quoted(out, lane->coro);
      out += ",\"first_output\":";
      trace::append_json_quoted(out, lane->first_output);
      out += ",\"rank\":" + std::to_string(lane->finish_rank) + ",\"t\":";
      append_number(out, lane->finished);
      out += '}';
    }
  out += "],\"finished_count\":" + std::to_string(finished);
  out += ",\"lanes\":" + std::to_string(run != nullptr ? run->trace().lanes().size() : 0);
  out += ",\"end\":";
  append_number(out, run != nullptr ? run->trace().end_time() : 0.0);
}

// Compare mode: the compared tutorial and its run (null when not comparing).
void append_compare(std::string& out, const ui::playground& p) {
  const ui::app_state& app = p.state();
  out += ",\"compare\":";
  if (app.compared() == nullptr && !app.compares_interpreter()) {
    out += "null";
    return;
  }
  const tutorials::session* run = app.compare_session();
  out += "{\"tutorial\":";
  trace::append_json_quoted(out, app.compares_interpreter() ? ui::compare_interpreter_slug : app.compared()->slug());
  out += ",\"running\":";
  out += app.running(run) ? "true" : "false";
  out += ",\"finished\":";
  out += run != nullptr && !app.running(run) ? "true" : "false";
  out += ",\"end\":";
  append_number(out, run != nullptr ? run->trace().end_time() : 0.0);
  out += ",\"error\":";
  trace::append_json_quoted(out, run != nullptr ? run->error() : std::string());
  out += ",\"lanes\":" + std::to_string(run != nullptr ? run->trace().lanes().size() : 0);
  append_lines(out, run, app.playhead());
  out += ',';
  append_rect(out, "plot", p.diagram().compare_plot());
  out += '}';
}

std::string state_json(const ui::playground& p) {
  const ui::app_state& app = p.state();
  std::string out = "{\"frames\":" + std::to_string(p.frames());
  // The page draws only when something changes: idle means everything asked for has been drawn.
  out += ",\"idle\":";
  out += asyncrace::platform::idle() ? "true" : "false";
  out += ",\"drawing_on_cpu\":";
  out += asyncrace::platform::drawing_on_cpu() ? "true" : "false";
  out += ",\"animating\":";
  out += p.animating() ? "true" : "false";
  out += ",\"build_ms\":";  // the last frame's
  append_number(out, p.build_ms());
  out += ",\"slowest_run_frame_ms\":";  // the longest frame since the run began
  append_number(out, p.slowest_run_frame_ms());
  out += ",\"diagram_ms\":";
  append_number(out, p.diagram_ms());
  out += ",\"tutorial\":";
  trace::append_json_quoted(out, app.selection_slug());
  // Which engine the next run uses, and the last Run's SyntaxError (null when none).
  out += ",\"engine\":";
  out += app.interprets() ? "\"interpreter\"" : "\"twin\"";
  out += ",\"edited\":";
  out += app.program().edited() ? "true" : "false";
  out += ",\"source_chars\":" + std::to_string(app.program().text().size());
  out += ",\"syntax_error\":";
  if (const auto& e = app.syntax_problem()) {
    out += "{\"line\":" + std::to_string(e->line) + ",\"column\":" + std::to_string(e->column) + ",\"text\":";
    trace::append_json_quoted(out, e->last_line());
    out += '}';
  } else {
    out += "null";
  }
  out += ",\"options\":{\"ties\":";
  trace::append_json_quoted(out, to_string(app.settings.ties));
  out += ",\"seed\":";
  trace::append_json_quoted(out, app.settings.seed_text);
  out += ",\"jitter_us\":";
  append_number(out, app.settings.jitter_us);
  out += ",\"speed\":";
  trace::append_json_quoted(out, to_string(app.settings.speed));
  out += ",\"executor\":";
  trace::append_json_quoted(out, ui::to_string(app.settings.executors));
  out += ",\"workers\":" + std::to_string(app.settings.workers);
  out += "},\"message\":";
  trace::append_json_quoted(out, app.message());
  out += ",\"problem\":";
  trace::append_json_quoted(out, app.settings_problem());
  out += ",\"theme\":";
  out += ui::current_theme() == ui::theme_kind::light ? "\"light\"" : "\"dark\"";
  out += ",\"layout\":";
  out += p.narrow() ? "\"narrow\"" : "\"wide\"";
  out += ",\"tab\":";
  trace::append_json_quoted(out, ui::to_string(p.tab()));
  for (ui::page_tab t : ui::all_tabs) {  // the narrow layout's tab buttons
    out += ',';
    append_rect(out, ("tab_" + std::string(ui::to_string(t))).c_str(), p.tab_button(t));
  }
  out += ",\"stopped\":";
  out += app.stopped() ? "true" : "false";
  append_run(out, app);
  append_compare(out, p);
  out += ',';
  append_rect(out, "run_button", p.controls().run);
  out += ',';
  append_rect(out, "seed_field", p.controls().seed);
  out += ',';
  append_rect(out, "theme_button", p.controls().theme);
  out += ',';
  append_rect(out, "shortcuts_button", p.controls().shortcuts);
  out += ',';
  append_rect(out, "export_button", p.diagram().exports().button());
  for (ui::export_kind k : ui::all_exports) {  // the open Export menu's items (empty when closed)
    out += ',';
    append_rect(out, ("export_" + std::string(ui::to_string(k))).c_str(), p.diagram().exports().item(k));
  }
  out += ',';
  append_rect(out, "diagram_plot", p.diagram().plot());
  out += ',';
  append_rect(out, "diagram_panel", p.diagram().panel());
  out += ",\"rows\":" + std::to_string(p.diagram().rows());
  char first_row[48];
  std::snprintf(first_row, sizeof first_row, ",\"first_row\":%.3f", p.diagram().first_row());
  out += first_row;
  out += ",\"pool_lanes\":[";  // the race diagram's worker rows drawn last frame
  const tutorials::session* run = app.session();
  for (const ui::pool_lane& lane : p.diagram().pool_lanes()) {
    out += out.back() == '[' ? "{\"label\":" : ",{\"label\":";
    trace::append_json_quoted(out, lane.label);
    out += ",\"pool\":" + std::to_string(lane.pool) + ",\"worker\":" + std::to_string(lane.worker);
    out += ",\"jobs\":" + std::to_string(lane.jobs.size()) + ",\"intervals\":[";
    // Each job's [queued, start, end] on the run's clock (the lanes are the main run's).
    if (run != nullptr)
      for (std::size_t i : lane.jobs) {
        if (i >= run->trace().jobs().size()) continue;
        const trace::pool_job& j = run->trace().jobs()[i];
        if (out.back() != '[') out += ',';
        append_numbers(out, {j.queued, j.start, j.end});
      }
    out += "]}";
  }
  out += ']';
  out += ",\"workers\":{\"available\":";
  out += ui::real_workers_available() ? "true" : "false";
  out += ",\"hardware\":" + std::to_string(ui::hardware_threads());
  const pool::worker_set_stats set = pool::real_worker_set_stats();
  out += ",\"started\":" + std::to_string(set.started);
  out += ",\"replaced\":" + std::to_string(set.replaced);
  out += ",\"cross_origin_isolated\":";
  out += set.cross_origin_isolated ? "true" : "false";
  out += '}';
  char axis[96];
  std::snprintf(axis, sizeof axis, ",\"axis\":{\"t0\":%.9g,\"px_per_s\":%.9g}", p.diagram().axis().t0,
                p.diagram().axis().px_per_s);
  out += axis;
  append_loop_state(out, p);
  append_code_links(out, p);
  out += '}';
  return out;
}

}  // namespace

void attach_automation(ui::playground* playground) { target = playground; }
ui::playground* automation_target() { return target; }

}  // namespace asyncrace::app

using asyncrace::app::target;

// Selects a tutorial by slug; 1 on success, 0 (with a message in the state) otherwise.
ASYNCRACE_EXPORT int asyncrace_select(const char* slug) {
  asyncrace::platform::request_frame();
  return target != nullptr && slug != nullptr && target->state().select(slug) ? 1 : 0;
}

// Sets the options for the next run, as a learner would type them: policy "fifo" | "cpython-heap" |
// "jitter", seed as text, jitter in µs, speed "0.25x" | "1x" | "instant". Returns 1 when they are
// valid, 0 otherwise (the state's "problem" says why, as the page does).
ASYNCRACE_EXPORT int asyncrace_set_options(const char* policy, const char* seed, double jitter_us,
                                           const char* speed) {
  asyncrace::platform::request_frame();
  if (target == nullptr) return 0;
  asyncrace::ui::run_settings& s = target->state().settings;
  if (policy != nullptr) {
    const auto p = asyncrace::parse_tie_policy(policy);
    if (!p) return 0;
    s.ties = *p;
  }
  if (seed != nullptr) s.seed_text = seed;
  s.jitter_us = jitter_us;
  if (speed != nullptr && !asyncrace::ui::parse_speed(speed, s.speed)) return 0;
  return target->state().settings_problem().empty() ? 1 : 0;
}

// Compare mode: runs `slug` beside the selected tutorial ("" or "none": stop comparing). 1 on
// success, 0 (with a message in the state) for an unknown slug or the selected tutorial itself.
ASYNCRACE_EXPORT int asyncrace_set_compare(const char* slug) {
  asyncrace::platform::request_frame();
  return target != nullptr && target->state().set_compare(slug != nullptr ? slug : "") ? 1 : 0;
}

// Chooses who runs executor jobs, as the page's "workers" controls do: mode "virtual" | "real",
// at most `workers` per pool. Runs again at once when a run is shown. 1 on success, 0 (with a
// message in the state) otherwise.
ASYNCRACE_EXPORT int asyncrace_set_executor(const char* mode, int workers) {
  asyncrace::platform::request_frame();
  asyncrace::tutorials::executor_mode m{};
  if (target == nullptr || mode == nullptr || !asyncrace::ui::parse_executor_mode(mode, m)) return 0;
  return target->state().set_executors(m, workers) ? 1 : 0;
}

// The page's editor's text for the selection (each change): text that differs from the
// tutorial's runs on the interpreter. 1 when it differs.
ASYNCRACE_EXPORT int asyncrace_set_source(const char* text) {
  asyncrace::platform::request_frame();
  if (target == nullptr || text == nullptr) return 0;
  target->state().set_source(text);
  return target->state().program().edited() ? 1 : 0;
}

// Starts a run of the selected tutorial with the current options (what the Run button does).
ASYNCRACE_EXPORT int asyncrace_run() {
  asyncrace::platform::request_frame();
  return target != nullptr && target->state().run() ? 1 : 0;
}

// Stops a playing run where it is (what Esc does); 1 when something was playing.
ASYNCRACE_EXPORT int asyncrace_stop() {
  asyncrace::platform::request_frame();
  return target != nullptr && target->state().stop() ? 1 : 0;
}

// The file Export would download for `kind` ("trace" | "transcript" | "svg"): its content, or ""
// when there is nothing to export yet. Valid until the next call.
ASYNCRACE_EXPORT const char* asyncrace_export(const char* kind) {
  static std::string content;
  asyncrace::ui::export_kind k{};
  content.clear();
  if (target != nullptr && kind != nullptr && asyncrace::ui::parse_export_kind(kind, k))
    if (auto file = asyncrace::ui::export_run(target->state(), k, asyncrace::ui::current_theme() == asyncrace::ui::theme_kind::light))
      content = std::move(file->content);
  return content.c_str();
}

// What the Export menu's items do: hands the file to the browser as a download. 1 on success.
ASYNCRACE_EXPORT int asyncrace_download(const char* kind) {
  asyncrace::ui::export_kind k{};
  if (target == nullptr || kind == nullptr || !asyncrace::ui::parse_export_kind(kind, k)) return 0;
  return target->exports().download(target->state(), k) ? 1 : 0;
}

// Follows the page's colour scheme ("light" | "dark"), as the toolbar's button does. 1 on success.
ASYNCRACE_EXPORT int asyncrace_set_theme(const char* theme) {
  asyncrace::platform::request_frame();
  if (theme == nullptr || (std::string_view(theme) != "light" && std::string_view(theme) != "dark")) return 0;
  asyncrace::ui::apply_theme(std::string_view(theme) == "light" ? asyncrace::ui::theme_kind::light
                                                                 : asyncrace::ui::theme_kind::dark);
  return 1;
}

// Narrow screens: shows a tab ("code" | "race" | "console" | "notes"). 1 on success.
ASYNCRACE_EXPORT int asyncrace_show_tab(const char* name) {
  asyncrace::platform::request_frame();
  asyncrace::ui::page_tab t{};
  if (target == nullptr || name == nullptr || !asyncrace::ui::parse_page_tab(name, t)) return 0;
  target->show_tab(t);
  return 1;
}

// A pinch on the race diagram (the page's touch handling): zooms by `factor` around screen x.
ASYNCRACE_EXPORT void asyncrace_zoom(double x, double factor) {
  asyncrace::platform::request_frame();
  if (target != nullptr) target->diagram().zoom_at(static_cast<float>(x), factor);
}

// 1 while an ImGui text field has the keyboard (the page's shortcuts then leave '?' to it).
ASYNCRACE_EXPORT int asyncrace_wants_text() { return ImGui::GetCurrentContext() != nullptr && ImGui::GetIO().WantTextInput ? 1 : 0; }

// Scrolls the race diagram to `row` (tree order) and shows that task's life on the time axis, as
// Find does. 1 on success, 0 when there is no such row.
ASYNCRACE_EXPORT int asyncrace_show_row(int row) {
  asyncrace::platform::request_frame();
  return target != nullptr && target->diagram().show_row(row) ? 1 : 0;
}

// The page's state as JSON: options, console lines so far (t, text), finish order, widget rects.
// The returned string stays valid until the next call.
ASYNCRACE_EXPORT const char* asyncrace_state_json() {
  static std::string json;
  json = target != nullptr ? asyncrace::app::state_json(*target) : std::string("{}");
  return json.c_str();
}
