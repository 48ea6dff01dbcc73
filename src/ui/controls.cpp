#include "controls.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "app_state.hpp"
#include "page_bridge.hpp"
#include "panel.hpp"
#include "theme.hpp"

namespace asyncrace::ui {
namespace {

// The next group of controls, about `width` px wide, goes on this line, or (narrow screens, `wrap`)
// on the next when it does not fit.
void next_group(bool wrap, float spacing, float width) {
  const float right = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + spacing + width;
  if (!wrap || right <= ImGui::GetWindowContentRegionMax().x) {
    ImGui::SameLine(0.0f, spacing);
  } else {
    ImGui::AlignTextToFramePadding();  // a label starting the new row sits level with its field
  }
}

float text_w(const char* text) { return ImGui::CalcTextSize(text).x; }

const char* policy_help(tie_policy p) {
  switch (p) {
    case tie_policy::fifo:
      return "Equal deadlines fire in the order they were scheduled (CPython on Linux/macOS).";
    case tie_policy::cpython_heap:
      return "Equal deadlines pop in the order CPython's heapq produces: what a virtual clock gives, "
             "and the order the seed printed.";
    case tie_policy::jitter:
      return "Each deadline gets a seeded random offset of up to 'jitter' microseconds.";
  }
  return "";
}

rect last_item() {
  const ImVec2 a = ImGui::GetItemRectMin();
  const ImVec2 b = ImGui::GetItemRectMax();
  return {a.x, a.y, b.x - a.x, b.y - a.y};
}

rect run_button(app_state& app) {
  const bool rerun = app.session() != nullptr;
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.20f, 0.45f, 0.85f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.26f, 0.53f, 0.95f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.16f, 0.38f, 0.75f, 1.0f));
  if (ImGui::Button(rerun ? "\xe2\x96\xb6 Re-run" : "\xe2\x96\xb6 Run", {96.0f, 0.0f})) app.run();
  const rect r = last_item();
  ImGui::PopStyleColor(3);
  return r;
}

void policy_combo(run_settings& s) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("ties");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(132.0f);
  const std::string current(to_string(s.ties));
  if (ImGui::BeginCombo("##ties", current.c_str())) {
    for (tie_policy p : all_tie_policies) {
      const std::string name(to_string(p));
      if (ImGui::Selectable(name.c_str(), p == s.ties)) s.ties = p;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", policy_help(p));
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", policy_help(s.ties));
}

void jitter_hint() {
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Used by the jitter tie policy: the same seed gives the same order. Enter runs.");
}

// Seed and jitter matter only to the jitter policy; Enter in either starts a run.
rect jitter_inputs(app_state& app) {
  run_settings& s = app.settings;
  bool enter = false;
  ImGui::BeginDisabled(s.ties != tie_policy::jitter);
  ImGui::TextUnformatted("seed");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(92.0f);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s", s.seed_text.c_str());
  constexpr ImGuiInputTextFlags flags =
      ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_EnterReturnsTrue;
  enter |= ImGui::InputText(
      "##seed", buf, sizeof buf, flags | ImGuiInputTextFlags_CallbackEdit,
      [](ImGuiInputTextCallbackData* d) {
        static_cast<run_settings*>(d->UserData)
            ->seed_text.assign(d->Buf, static_cast<std::size_t>(d->BufTextLen));
        return 0;
      },
      &s);
  const rect seed = last_item();
  jitter_hint();
  ImGui::SameLine();
  ImGui::TextUnformatted("jitter \xc2\xb5s");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(84.0f);
  enter |=
      ImGui::InputDouble("##jitter", &s.jitter_us, 0.0, 0.0, "%.1f", ImGuiInputTextFlags_EnterReturnsTrue);
  jitter_hint();
  ImGui::EndDisabled();
  if (enter) app.run();
  return seed;
}

const char* speed_label(playback_speed s) {
  switch (s) {
    case playback_speed::slow_motion: return "0.25\xc3\x97";
    case playback_speed::real_time: return "1\xc3\x97";
    case playback_speed::instant: return "instant";
  }
  return "?";
}

void speed_buttons(run_settings& s) {
  ImGui::TextUnformatted("speed");
  for (playback_speed speed : all_speeds) {
    ImGui::SameLine(0.0f, 4.0f);
    const bool on = s.speed == speed;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_HeaderActive));
    if (ImGui::Button(speed_label(speed))) s.speed = speed;
    if (on) ImGui::PopStyleColor();
  }
}

// An interpreted program that hands work to a pool (its process pools run on real workers too).
bool mentions_executors(const std::string& text) {
  for (const char* word : {"Executor", "run_in_executor", "to_thread"})
    if (text.find(word) != std::string::npos) return true;
  return false;
}

// Who runs executor jobs, and how many: for the executor tutorials and edited programs that use a
// pool, and whenever real workers are chosen. A change runs the tutorial again at once
// (app_state::set_executors).
void executor_controls(app_state& app, bool wrap) {
  const tutorials::tutorial* t = app.selected();
  const bool uses_executors = (t != nullptr && t->info->topic == "executors") ||
                              (app.interprets() && mentions_executors(app.program().text()));
  run_settings& s = app.settings;
  if (!uses_executors && s.executors != tutorials::executor_mode::real) return;
  next_group(wrap, 14.0f, text_w("workers") + 226.0f);
  ImGui::TextUnformatted("workers");
  ImGui::SameLine();
  const std::string real(real_workers_name());
  const bool is_real = s.executors == tutorials::executor_mode::real;
  ImGui::SetNextItemWidth(is_real ? 118.0f : 84.0f);
  if (ImGui::BeginCombo("##executors", is_real ? real.c_str() : "virtual")) {
    if (ImGui::Selectable("virtual", !is_real)) app.set_executors(tutorials::executor_mode::virtual_workers, s.workers);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Virtual workers on the virtual clock: CPython's transcript, exactly (8 CPUs, "
                        "cpu_bound = 0.145 s, time.sleep(1) = 1 s).");
    ImGui::BeginDisabled(!real_workers_available());
    if (ImGui::Selectable(real.c_str(), is_real)) app.set_executors(tutorials::executor_mode::real, s.workers);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip(real_workers_available()
                            ? "Real workers: the jobs really run in parallel, and their times are measured."
                            : "No real workers here: virtual workers only.");
    ImGui::EndCombo();
  }
  if (!is_real) return;
  ImGui::SameLine(0.0f, 4.0f);
  ImGui::SetNextItemWidth(92.0f);
  int n = s.workers;
  const int most = std::max(1, hardware_threads());
  ImGui::SliderInt("##pool_size", &n, 1, most, n == 1 ? "%d worker" : "%d workers", ImGuiSliderFlags_AlwaysClamp);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("At most this many %s per pool (this machine has %d hardware threads).", real.c_str(), most);
  if (ImGui::IsItemDeactivatedAfterEdit() && n != s.workers) app.set_executors(s.executors, n);
}

// Light / Dark (the page starts in what prefers-color-scheme asks for, or the last choice), and
// "?", the keyboard shortcuts.
void page_buttons(control_rects& rects, bool wrap) {
  const bool light = current_theme() == theme_kind::light;
  next_group(wrap, 14.0f, text_w("Light") + text_w("?") + 40.0f);
  if (ImGui::Button(light ? "Dark" : "Light")) {
    apply_theme(light ? theme_kind::dark : theme_kind::light);
    page::remember_theme(!light);
  }
  rects.theme = last_item();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip(light ? "Switch to the dark theme" : "Switch to the light theme");
  ImGui::SameLine(0.0f, 4.0f);
  if (ImGui::Button("?")) page::show_shortcuts();
  rects.shortcuts = last_item();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Keyboard shortcuts (?)");
}

// `text`, cut to `width` pixels with an ellipsis (the whole text is in a tooltip then).
std::string fit_text(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  const char* ellipsis = "\xe2\x80\xa6";
  std::string cut = text;
  while (!cut.empty() && ImGui::CalcTextSize((cut + ellipsis).c_str()).x > width) {
    cut.pop_back();
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();  // UTF-8
  }
  return cut.empty() ? std::string() : cut + ellipsis;
}

void status(const app_state& app, float right, bool wrap) {
  std::string text;
  ImU32 color = palette::text_dim;
  if (std::string problem = app.settings_problem(); !problem.empty()) {
    text = problem;
    color = palette::error;
  } else if (!app.message().empty()) {
    text = app.message();
    color = palette::error;
  } else if (const tutorials::session* run = app.session()) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "t = %.6f s  \xc2\xb7  %s", app.playhead(),
                  app.running()          ? "running"
                  : app.stopped()        ? "stopped (Esc)"
                  : run->error().empty() ? "finished"
                                         : "failed");
    text = buf;
    // Real jobs out: the clock is the wall clock until they are back.
    if (app.running() && run->workers_busy()) text += "  \xc2\xb7  jobs on " + std::string(real_workers_name());
    color = app.running() ? palette::accent : run->error().empty() ? palette::time : palette::error;
  } else {
    text = "ready";
  }
  next_group(wrap, 16.0f, std::min(text_w(text.c_str()), 160.0f));
  const float left = ImGui::GetCursorPosX();
  const float room = right - left;
  const std::string shown = fit_text(text, room);
  ImGui::SetCursorPosX(std::max(left, right - ImGui::CalcTextSize(shown.c_str()).x));
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(shown.c_str());
  ImGui::PopStyleColor();
  if (shown != text && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
}

}  // namespace

control_rects draw_controls(app_state& app, const rect& area, bool wrap) {
  control_rects rects;
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {12.0f, 10.0f});
  if (begin_panel("##toolbar", area, flags)) {
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, palette::accent);
    ImGui::TextUnformatted("asyncrace");
    ImGui::PopStyleColor();
    const float pad = 2.0f * ImGui::GetStyle().FramePadding.x;
    next_group(wrap, 18.0f, 96.0f);
    rects.run = run_button(app);
    next_group(wrap, 18.0f, text_w("ties") + 140.0f);
    policy_combo(app.settings);
    next_group(wrap, 14.0f, text_w("seed") + text_w("jitter \xc2\xb5s") + 206.0f);
    rects.seed = jitter_inputs(app);
    next_group(wrap, 14.0f, text_w("speed") + text_w("0.25\xc3\x97") + text_w("1\xc3\x97") + text_w("instant") + 3.0f * pad + 20.0f);
    speed_buttons(app.settings);
    executor_controls(app, wrap);
    page_buttons(rects, wrap);
    status(app, ImGui::GetWindowContentRegionMax().x, wrap);
    // What the rows took (the narrow layout gives the toolbar that much next frame).
    rects.height = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y;
  }
  end_panel();
  ImGui::PopStyleVar(2);
  return rects;
}

}  // namespace asyncrace::ui
