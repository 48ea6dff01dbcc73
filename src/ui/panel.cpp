#include "panel.hpp"

#include <imgui_internal.h>

#include "clear_fill.hpp"
#include "theme.hpp"

namespace asyncrace::ui {

bool begin_panel(const char* title, const rect& r, ImGuiWindowFlags extra) {
  ImGui::SetNextWindowPos({r.x, r.y});
  ImGui::SetNextWindowSize({r.w, r.h});
  constexpr ImGuiWindowFlags fixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_NoBringToFrontOnFocus;
  // The background is cleared before every window draws (clear_fill.hpp), not drawn by ImGui as
  // a quad: the panels tile the page and never overlap, so the order is the same.
  ImGui::SetNextWindowBgAlpha(0.0f);
  const bool open = ImGui::Begin(title, nullptr, fixed | extra);
  const ImGuiWindow* w = ImGui::GetCurrentWindow();
  if (!w->Hidden) {
    const bool titled = (w->Flags & ImGuiWindowFlags_NoTitleBar) == 0;
    clear_rounded_rect(ImGui::GetBackgroundDrawList(), {w->Pos.x, w->Pos.y + w->TitleBarHeight()},
                       {w->Pos.x + w->Size.x, w->Pos.y + w->Size.y}, ImGui::GetColorU32(ImGuiCol_WindowBg),
                       w->WindowRounding, titled ? ImDrawFlags_RoundCornersBottom : ImDrawFlags_RoundCornersAll);
  }
  return open;
}

void end_panel() { ImGui::End(); }

void caption(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette::text_dim);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
}

}  // namespace asyncrace::ui
