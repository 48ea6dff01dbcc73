#include "compare_combo.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app_state.hpp"
#include "compare.hpp"
#include "theme.hpp"
#include "tutorials/catalog.hpp"

namespace asyncrace::ui {

// "Compare with [none v]": suggested partners first, then every other tutorial.
void draw_compare_combo(app_state& app) {
  const tutorials::tutorial* selected = app.selected();
  if (selected == nullptr) return;
  ImGui::PushStyleColor(ImGuiCol_Text, palette::text_dim);
  ImGui::TextUnformatted("Compare with");
  ImGui::PopStyleColor();
  ImGui::SameLine();
  const std::vector<std::string_view> suggested = compare_suggestions(selected->slug());
  const std::string preview = app.compares_interpreter() ? "its .py on the interpreter"
                              : app.compared() != nullptr ? std::string(app.compared()->slug())
                                                          : "none";
  ImGui::SetNextItemWidth(std::min(220.0f, std::max(120.0f, ImGui::GetContentRegionAvail().x * 0.3f)));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {6.0f, 1.0f});
  const bool open = ImGui::BeginCombo("##compare", preview.c_str(), ImGuiComboFlags_HeightLarge);
  ImGui::PopStyleVar();
  if (open) {
    if (ImGui::Selectable("none", app.compared() == nullptr && !app.compares_interpreter())) app.set_compare("");
    // Two identical races, C++ twin above and interpreter below: the interpreter's proof.
    ImGui::PushStyleColor(ImGuiCol_Text, palette::accent);
    if (ImGui::Selectable("its .py on the interpreter", app.compares_interpreter()))
      app.set_compare(compare_interpreter_slug);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("The tutorial's own Python, run by the interpreter, below its C++ twin: two identical races.");
    auto item = [&](std::string_view slug, bool suggestion) {
      const std::string label = std::string(slug) + (suggestion ? "   (suggested)" : "") + "##" + std::string(slug);
      const bool on = app.compared() != nullptr && app.compared()->slug() == slug;
      if (suggestion) ImGui::PushStyleColor(ImGuiCol_Text, palette::accent);
      if (ImGui::Selectable(label.c_str(), on)) app.set_compare(slug);
      if (suggestion) ImGui::PopStyleColor();
    };
    for (std::string_view slug : suggested) item(slug, true);
    ImGui::Separator();
    for (const tutorials::tutorial& t : tutorials::catalog())
      if (t.slug() != selected->slug() &&
          std::find(suggested.begin(), suggested.end(), t.slug()) == suggested.end())
        item(t.slug(), false);
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) {
    std::string tip = "Run another tutorial below this one, with the same settings, on the same clock and the "
                      "same time axis.";
    if (!suggested.empty()) {
      tip += "\nSuggested for " + std::string(selected->slug()) + ":";
      for (std::string_view s : suggested) tip += " " + std::string(s);
    }
    ImGui::SetTooltip("%s", tip.c_str());
  }
}

}  // namespace asyncrace::ui
