#include "console_view.hpp"

#include <cstdio>
#include <string>

#include <imgui.h>

#include "app_state.hpp"
#include "fonts.hpp"
#include "frame_link.hpp"
#include "panel.hpp"
#include "theme.hpp"
#include "time_axis.hpp"

namespace asyncrace::ui {
namespace {

ImU32 stream_color(output_stream s) {
  switch (s) {
    case output_stream::warning: return palette::warning;
    case output_stream::exception:
    case output_stream::err: return palette::error;
    case output_stream::out: break;
  }
  return palette::text;
}

void draw_time(double t) {
  char text[32];
  std::snprintf(text, sizeof text, "%10.6f", t);
  ImGui::PushStyleColor(ImGuiCol_Text, palette::time);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::SameLine();
}

// Wrapped prose in a panel that also scrolls sideways: wrap at the visible width.
void prose(const std::string& text, ImU32 color) {
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(ImGui::GetScrollX() + ImGui::GetWindowWidth() - style.WindowPadding.x -
                         style.ScrollbarSize);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

}  // namespace

void console_view::draw_line(const trace::output_line& line) {
  draw_time(line.t);
  const unsigned target = line.stream == output_stream::err ? frame_link_line(line.text) : 0;
  ImGui::PushStyleColor(ImGuiCol_Text, target ? palette::accent : stream_color(line.stream));
  ImGui::TextUnformatted(line.text.data(), line.text.data() + line.text.size());
  ImGui::PopStyleColor();
  if (!target) return;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  links_.push_back({target, rect{a.x, a.y, b.x - a.x, b.y - a.y}});
  ImGui::GetWindowDrawList()->AddLine({a.x, b.y - 1.0f}, {b.x, b.y - 1.0f}, palette::accent, 1.0f);
  if (ImGui::IsItemHovered()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetTooltip("Go to line %u in the editor", target);
  }
  if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) clicked_line_ = target;
}

void console_view::draw(const app_state& app, const rect& area) {
  links_.clear();
  if (begin_panel("Console", area, ImGuiWindowFlags_HorizontalScrollbar)) {
    const tutorials::session* run = app.session();
    // Bad input or a failed start: say so where the learner looks for output.
    const std::string problem = app.settings_problem().empty() ? app.message() : app.settings_problem();
    if (!problem.empty()) prose(problem, palette::error);
    if (run == nullptr) {
      if (problem.empty())
        prose("Press \xe2\x96\xb6 Run. Each line appears at the virtual time CPython would print it.",
              palette::text_dim);
    } else {
      ImGui::PushFont(fonts().code);
      const auto& lines = run->trace().lines();
      for (const trace::output_line& line : lines)
        if (line.t <= app.playhead()) draw_line(line);
      if (run->finished() && !run->error().empty()) prose(run->error(), palette::error);
      // Esc or Stop: the run ends where it was, even inside a computation (the interpreter runs
      // in slices between frames).
      if (app.stopped() && !run->finished())
        prose("Stopped (Esc) at " + format_seconds(app.playhead()) + " s.", palette::error);
      ImGui::PopFont();
      if (app.run_serial() != serial_) shown_ = 0;
      if (lines.size() != shown_) ImGui::SetScrollHereY(1.0f);
      shown_ = lines.size();
    }
    serial_ = app.run_serial();
  }
  end_panel();
}

}  // namespace asyncrace::ui
