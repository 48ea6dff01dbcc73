#include "controls.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "app_state.hpp"
#include "panel.hpp"
#include "theme.hpp"

namespace asyncrace::ui {
namespace {

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

void status(const app_state& app, float right) {
  std::string text;
  ImU32 color = palette::text_dim;
  if (std::string problem = app.settings_problem(); !problem.empty()) {
    text = problem;
    color = palette::error;
  } else if (!app.message().empty()) {
    text = app.message();
    color = palette::error;
  } else if (const tutorials::session* run = app.session()) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "t = %.6f s  \xc2\xb7  %s", app.playhead(),
                  app.running()          ? "running"
                  : run->error().empty() ? "finished"
                                         : "failed");
    text = buf;
    color = app.running() ? palette::accent : run->error().empty() ? palette::time : palette::error;
  } else {
    text = "ready";
  }
  ImGui::SameLine(0.0f, 16.0f);
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

control_rects draw_controls(app_state& app, const rect& area) {
  control_rects rects;
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {12.0f, 10.0f});
  if (begin_panel("##toolbar", area, flags)) {
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, palette::accent);
    ImGui::TextUnformatted("asyncrace");
    ImGui::PopStyleColor();
    ImGui::SameLine(0.0f, 18.0f);
    rects.run = run_button(app);
    ImGui::SameLine(0.0f, 18.0f);
    policy_combo(app.settings);
    ImGui::SameLine(0.0f, 14.0f);
    rects.seed = jitter_inputs(app);
    ImGui::SameLine(0.0f, 14.0f);
    speed_buttons(app.settings);
    status(app, ImGui::GetWindowContentRegionMax().x);
  }
  end_panel();
  ImGui::PopStyleVar(2);
  return rects;
}

}  // namespace asyncrace::ui
