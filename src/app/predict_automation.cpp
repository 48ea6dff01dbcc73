// The automation exports of the race diagram's Predict and Statistics windows (issue 11), for the
// browser tests: open them, set a guess, run, and read the comparison and the table as JSON.
#include <string>
#include <vector>

#include "platform/platform.hpp"
#include "playground_automation.hpp"
#include "trace/transcript.hpp"
#include "ui/playground.hpp"

namespace {

using asyncrace::app::automation_target;
using asyncrace::trace::append_json_quoted;

void append_rect(std::string& out, const asyncrace::ui::rect& r) {
  out += "{\"x\":" + std::to_string(r.x) + ",\"y\":" + std::to_string(r.y) + ",\"w\":" + std::to_string(r.w) +
         ",\"h\":" + std::to_string(r.h) + "}";
}

void append_button(std::string& out, const asyncrace::ui::rect& r) {
  out += ",\"button\":";
  append_rect(out, r);
}

void append_labels(std::string& out, const std::vector<std::string>& labels) {
  out += '[';
  for (const std::string& l : labels) {
    if (out.back() != '[') out += ',';
    append_json_quoted(out, l);
  }
  out += ']';
}

std::string predict_json(asyncrace::ui::playground& p) {
  auto& view = p.diagram().predict();
  const asyncrace::ui::prediction_result r = view.result(p.state());
  std::string out = "{\"open\":";
  out += view.is_open() ? "true" : "false";
  out += ",\"locked\":";
  out += view.guess().locked() ? "true" : "false";
  out += ",\"problem\":";
  append_json_quoted(out, view.problem());
  append_button(out, view.button);
  std::vector<std::string> guess;
  for (const auto& t : view.guess().guess()) guess.push_back(t.label);
  out += ",\"guess\":";
  append_labels(out, guess);
  out += ",\"rows\":[";
  for (const asyncrace::ui::rect& row : view.rows) {
    if (out.back() != '[') out += ',';
    append_rect(out, row);
  }
  out += ']';
  out += ",\"hits\":" + std::to_string(r.hits) + ",\"finished\":" + std::to_string(r.finished) + ",\"places\":[";
  for (const auto& place : r.places) {
    if (out.back() != '[') out += ',';
    out += "{\"guessed\":";
    append_json_quoted(out, place.guessed.label);
    out += ",\"actual\":";
    append_json_quoted(out, place.actual.label);
    out += ",\"hit\":";
    out += place.hit ? "true" : "false";
    out += ",\"rule\":";
    append_json_quoted(out, place.misplaced ? asyncrace::trace::to_string(place.why.rule) : "");
    out += ",\"why\":";
    append_json_quoted(out, place.misplaced ? place.why.text : std::string());
    out += '}';
  }
  out += "]}";
  return out;
}

std::string stats_json(asyncrace::ui::playground& p) {
  auto& view = p.diagram().stats();
  const auto& table = view.table();
  std::string out = "{\"open\":";
  out += view.is_open() ? "true" : "false";
  out += ",\"running\":";
  out += view.running() ? "true" : "false";
  out += ",\"runs\":" + std::to_string(table.runs) + ",\"wanted\":" + std::to_string(view.runs_wanted());
  out += ",\"problem\":";
  append_json_quoted(out, view.problem());
  append_button(out, view.button);
  out += ",\"tasks\":[";
  for (const auto& row : table.tasks) {
    if (out.back() != '[') out += ',';
    out += "{\"name\":";
    append_json_quoted(out, row.name);
    out += ",\"label\":";
    append_json_quoted(out, view.label(row));
    out += ",\"ranks\":[";
    for (std::uint32_t n : row.ranks) out += (out.back() == '[' ? "" : ",") + std::to_string(n);
    out += "]}";
  }
  out += "],\"orders\":[";
  for (const auto& o : view.shown_orders(p.state())) {
    if (out.back() != '[') out += ',';
    out += "{\"labels\":";
    append_labels(out, o.labels);
    out += ",\"count\":" + std::to_string(o.count) + ",\"mine\":" + (o.mine ? "true" : "false") + "}";
  }
  out += "]}";
  return out;
}

std::string json_buffer;  // what the last *_json call returned (ccall copies it out)

}  // namespace

// Opens Predict for the selected program: 1 when it has tasks to order, else 0 (see "problem").
ASYNCRACE_EXPORT int asyncrace_predict_open() {
  asyncrace::platform::request_frame();
  auto* p = automation_target();
  return p != nullptr && p->diagram().predict().open(p->state()) ? 1 : 0;
}

// Sets the guess by labels, comma-separated ("10,12,30,…"): 1 when they are the tasks, each once.
ASYNCRACE_EXPORT int asyncrace_predict_set(const char* labels) {
  asyncrace::platform::request_frame();
  auto* p = automation_target();
  if (p == nullptr || labels == nullptr) return 0;
  std::vector<std::string> list(1);
  for (const char* c = labels; *c != '\0'; ++c) {
    if (*c == ',') list.emplace_back();
    else list.back() += *c;
  }
  return p->diagram().predict().guess().set_order(list) ? 1 : 0;
}

// "Run and compare": freezes the guess and runs.
ASYNCRACE_EXPORT int asyncrace_predict_run() {
  asyncrace::platform::request_frame();
  auto* p = automation_target();
  if (p == nullptr || p->diagram().predict().guess().empty()) return 0;
  p->diagram().predict().run(p->state());
  return 1;
}

ASYNCRACE_EXPORT const char* asyncrace_predict_json() {
  auto* p = automation_target();
  json_buffer = p != nullptr ? predict_json(*p) : "{}";
  return json_buffer.c_str();
}

// Opens Statistics and starts `runs` jittered runs (computed between frames); 0 when it cannot.
ASYNCRACE_EXPORT int asyncrace_stats_open(int runs) {
  asyncrace::platform::request_frame();
  auto* p = automation_target();
  return p != nullptr && runs > 0 && p->diagram().stats().open(p->state(), static_cast<std::uint32_t>(runs)) ? 1 : 0;
}

ASYNCRACE_EXPORT int asyncrace_stats_stop() {
  asyncrace::platform::request_frame();
  auto* p = automation_target();
  if (p == nullptr) return 0;
  p->diagram().stats().stop();
  return 1;
}

ASYNCRACE_EXPORT const char* asyncrace_stats_json() {
  auto* p = automation_target();
  json_buffer = p != nullptr ? stats_json(*p) : "{}";
  return json_buffer.c_str();
}
