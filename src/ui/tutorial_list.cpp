#include "tutorial_list.hpp"

#include <string>

#include <imgui.h>

#include "app_state.hpp"
#include "panel.hpp"
#include "theme.hpp"
#include "tutorials/catalog.hpp"

namespace asyncrace::ui {
namespace {

void group_heading(std::string_view seed, std::string_view topic, bool new_seed) {
  if (new_seed) {
    if (ImGui::GetCursorPosY() > ImGui::GetStyle().WindowPadding.y + 4.0f) ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, palette::accent);
    ImGui::Text("Seed %.*s", static_cast<int>(seed.size()), seed.data());
    ImGui::PopStyleColor();
  }
  ImGui::PushStyleColor(ImGuiCol_Text, palette::text_dim);
  ImGui::Text("  %.*s", static_cast<int>(topic.size()), topic.data());
  ImGui::PopStyleColor();
}

void tutorial_item(app_state& app, const tutorials::tutorial& t) {
  const bool selected = app.selected() == &t;
  const std::string label = std::string(t.info->title) + "##" + std::string(t.slug());
  ImGui::Indent(12.0f);
  if (ImGui::Selectable(label.c_str(), selected)) app.select(t.slug());
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::Text("%.*s", static_cast<int>(t.slug().size()), t.slug().data());
    ImGui::EndTooltip();
  }
  ImGui::Unindent(12.0f);
}

}  // namespace

void draw_tutorial_list(app_state& app, const rect& area) {
  if (begin_panel("Tutorials", area)) {
    std::string_view seed;
    std::string_view topic;
    bool first = true;
    // The catalog is already ordered by seed, then topic.
    for (const tutorials::tutorial& t : tutorials::catalog()) {
      const bool new_seed = first || t.info->seed != seed;
      if (new_seed || t.info->topic != topic) group_heading(t.info->seed, t.info->topic, new_seed);
      seed = t.info->seed;
      topic = t.info->topic;
      first = false;
      tutorial_item(app, t);
    }
  }
  end_panel();
}

}  // namespace asyncrace::ui
