#include "explanation_view.hpp"

#include <imgui.h>

#include "app_state.hpp"
#include "panel.hpp"
#include "theme.hpp"

namespace asyncrace::ui {
namespace {

// One legend entry: a swatch drawn the way the diagram draws it, then its meaning.
void legend_entry(ImU32 color, float bar_height, const char* meaning) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  const float y = p.y + 0.5f * (h - bar_height);
  ImGui::GetWindowDrawList()->AddRectFilled({p.x, y}, {p.x + 22.0f, y + bar_height}, color, 2.0f);
  ImGui::Dummy({26.0f, h});
  ImGui::SameLine();
  ImGui::TextUnformatted(meaning);
}

void legend_marker(ImU32 color, const char* glyph, const char* meaning) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(glyph);
  ImGui::PopStyleColor();
  ImGui::SameLine(30.0f + ImGui::GetStyle().WindowPadding.x - 4.0f);
  ImGui::TextUnformatted(meaning);
}

void legend() {
  caption("Reading the race diagram");
  legend_entry(palette::step, 12.0f, "task runs a step");
  legend_entry(palette::sleep, 8.0f, "asyncio.sleep (timer)");
  legend_marker(palette::deadline, "|", "the timer's deadline");
  legend_entry(palette::awaiting, 8.0f, "awaits a task / gather");
  legend_entry(palette::blocked_edge, 12.0f, "event loop blocked");
  legend_marker(palette::finish, "\xe2\x97\x86", "finished, with its rank");
  caption("Wheel: zoom  \xc2\xb7  drag: pan  \xc2\xb7  double-click: fit");
}

}  // namespace

void draw_explanation(const app_state& app, const rect& area) {
  if (begin_panel("What to notice", area)) {
    if (const tutorials::tutorial* t = app.selected()) {
      ImGui::PushStyleColor(ImGuiCol_Text, palette::accent);
      ImGui::TextWrapped("%.*s", static_cast<int>(t->info->title.size()), t->info->title.data());
      ImGui::PopStyleColor();
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(t->info->explanation.data(), t->info->explanation.data() + t->info->explanation.size());
      ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    legend();
  }
  end_panel();
}

}  // namespace asyncrace::ui
