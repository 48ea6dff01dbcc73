#include "overlay_window.hpp"

#include <algorithm>

#include <imgui.h>

#include "narrow_layout.hpp"

namespace asyncrace::ui {

bool begin_overlay(const char* title, const rect& diagram, bool* open) {
  const float width = ImGui::GetIO().DisplaySize.x;
  rect r = diagram;
  const float top = ImGui::GetFrameHeight() + 2.0f;  // below the diagram's title bar
  r.y += top;
  r.h -= top;
  if (!is_narrow(width)) {
    r.w = std::clamp(diagram.w * 0.46f, std::min(440.0f, diagram.w), diagram.w);
    r.x = diagram.right() - r.w;
  }
  ImGui::SetNextWindowPos({r.x, r.y});
  ImGui::SetNextWindowSize({r.w, r.h});
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
  return ImGui::Begin(title, open, flags);
}

void same_line_if_fits(float width, float spacing) {
  const float gap = spacing < 0.0f ? ImGui::GetStyle().ItemSpacing.x : spacing;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + gap + width <= right) ImGui::SameLine(0.0f, gap);
}

rect last_item_rect() {
  const ImVec2 a = ImGui::GetItemRectMin();
  const ImVec2 b = ImGui::GetItemRectMax();
  return {a.x, a.y, b.x - a.x, b.y - a.y};
}

}  // namespace asyncrace::ui
