#include "panel.hpp"

#include "theme.hpp"

namespace asyncrace::ui {

bool begin_panel(const char* title, const rect& r, ImGuiWindowFlags extra) {
  ImGui::SetNextWindowPos({r.x, r.y});
  ImGui::SetNextWindowSize({r.w, r.h});
  constexpr ImGuiWindowFlags fixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_NoBringToFrontOnFocus;
  return ImGui::Begin(title, nullptr, fixed | extra);
}

void end_panel() { ImGui::End(); }

void caption(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette::text_dim);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
}

}  // namespace asyncrace::ui
