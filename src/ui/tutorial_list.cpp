#include "tutorial_list.hpp"

#include <string>

#include <imgui.h>

#include "app_state.hpp"
#include "panel.hpp"
#include "theme.hpp"
#include "tutorials/catalog.hpp"

namespace asyncrace::ui {
namespace {

constexpr float item_indent = 12.0f;

// Calls `heading(t, new_seed)` before each group and `item(t)` for each tutorial; the catalog is
// already ordered by seed, then topic.
template <class Heading, class Item>
void walk_catalog(Heading heading, Item item) {
  std::string_view seed;
  std::string_view topic;
  bool first = true;
  for (const tutorials::tutorial& t : tutorials::catalog()) {
    const bool new_seed = first || t.info->seed != seed;
    if (new_seed || t.info->topic != topic) heading(*t.info, new_seed);
    seed = t.info->seed;
    topic = t.info->topic;
    first = false;
    item(t);
  }
}

void group_heading(const tutorials::tutorial_info& t, bool new_seed) {
  const std::string_view topic = t.topic;
  if (new_seed) {
    if (ImGui::GetCursorPosY() > ImGui::GetFrameHeight() + 12.0f) ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, palette::accent);
    ImGui::TextUnformatted(tutorials::group_heading(t).c_str());
    ImGui::PopStyleColor();
  }
  ImGui::PushStyleColor(ImGuiCol_Text, palette::text_dim);
  ImGui::Text("  %.*s", static_cast<int>(topic.size()), topic.data());
  ImGui::PopStyleColor();
}

float wrap_width() { return ImGui::GetContentRegionAvail().x - item_indent - 8.0f; }

// A selectable whose title wraps instead of being cut off.
void tutorial_item(app_state& app, const tutorials::tutorial& t) {
  const std::string_view title = t.info->title;
  ImGui::Indent(item_indent);
  const float wrap = wrap_width();
  const ImVec2 size = ImGui::CalcTextSize(title.data(), title.data() + title.size(), false, wrap);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const std::string id = "##" + std::string(t.slug());
  if (ImGui::Selectable(id.c_str(), app.selected() == &t, 0, {0.0f, size.y})) app.select(t.slug());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%.*s", static_cast<int>(t.slug().size()), t.slug().data());
  ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, palette::text, title.data(),
                                      title.data() + title.size(), wrap);
  ImGui::Unindent(item_indent);
}

// "Your program": a blank page (a small template) that the interpreter runs.
void own_program_item(app_state& app) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette::accent);
  const std::string id = "Your program##" + std::string(own_program_slug);
  if (ImGui::Selectable(id.c_str(), app.own_program())) app.select(own_program_slug);
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Write any asyncio program: the interpreter runs it.");
}

}  // namespace

void draw_tutorial_list(app_state& app, const rect& area) {
  if (begin_panel("Tutorials", area)) {
    own_program_item(app);
    walk_catalog(group_heading, [&](const tutorials::tutorial& t) { tutorial_item(app, t); });
  }
  end_panel();
}

float tutorial_list_height(float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float wrap = width - 2.0f * style.WindowPadding.x - item_indent - 8.0f;
  // Title bar + padding + "Your program".
  float h = ImGui::GetFrameHeight() + 2.0f * style.WindowPadding.y + line;
  walk_catalog(
      [&](const tutorials::tutorial_info&, bool new_seed) { h += new_seed ? 2.0f * line + 4.0f : line; },
      [&](const tutorials::tutorial& t) {
        const std::string_view title = t.info->title;
        h += ImGui::CalcTextSize(title.data(), title.data() + title.size(), false, wrap).y +
             style.ItemSpacing.y;
      });
  return h;
}

}  // namespace asyncrace::ui
