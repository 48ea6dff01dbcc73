#include "explanation_view.hpp"

#include <imgui.h>

#include "app_state.hpp"
#include "panel.hpp"
#include "theme.hpp"

namespace asyncrace::ui {
namespace {

void interaction_hint() {
  ImGui::PushStyleColor(ImGuiCol_Text, palette::text_dim);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(
      "Race diagram: wheel zooms around the cursor, drag pans, double-click fits. "
      "Hover anything for its exact times.");
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

}  // namespace

void draw_explanation(const app_state& app, const rect& area) {
  if (begin_panel("What to notice", area)) {
    if (const tutorials::tutorial* t = app.selected()) {
      ImGui::PushStyleColor(ImGuiCol_Text, palette::accent);
      ImGui::TextWrapped("%.*s", static_cast<int>(t->info->title.size()), t->info->title.data());
      ImGui::PopStyleColor();
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(t->info->explanation.data(),
                             t->info->explanation.data() + t->info->explanation.size());
      ImGui::PopTextWrapPos();
    } else if (app.own_program()) {
      ImGui::PushStyleColor(ImGuiCol_Text, palette::accent);
      ImGui::TextWrapped("Your program");
      ImGui::PopStyleColor();
      ImGui::TextWrapped(
          "Write any asyncio program in the supported subset of Python 3.11 and run it with Ctrl+Enter. The "
          "interpreter runs it on the same scheduler and virtual clock as the tutorials: the console prints "
          "what CPython prints, and the race diagram draws every task. Copy link shares the program.");
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    interaction_hint();
  }
  end_panel();
}

}  // namespace asyncrace::ui
