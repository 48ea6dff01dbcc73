#include "console_view.hpp"

#include <cstdio>
#include <string>

#include <imgui.h>

#include "app_state.hpp"
#include "fonts.hpp"
#include "panel.hpp"
#include "theme.hpp"
#include "time_axis.hpp"

namespace asyncrace::ui {
namespace {

ImU32 stream_color(output_stream s) {
  switch (s) {
    case output_stream::warning: return palette::warning;
    case output_stream::exception: return palette::error;
    case output_stream::out: break;
  }
  return palette::text;
}

void draw_line(const trace::output_line& line) {
  char t[32];
  std::snprintf(t, sizeof t, "%10.6f", line.t);
  ImGui::PushStyleColor(ImGuiCol_Text, palette::time);
  ImGui::TextUnformatted(t);
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, stream_color(line.stream));
  ImGui::TextUnformatted(line.text.data(), line.text.data() + line.text.size());
  ImGui::PopStyleColor();
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

void console_view::draw(const app_state& app, const rect& area) {
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
