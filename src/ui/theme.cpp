#include "theme.hpp"

namespace asyncrace::ui {
namespace {

ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
  return {static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f, static_cast<float>(b) / 255.0f, a};
}

void apply_colors(ImGuiStyle& s) {
  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = rgb(222, 226, 232);
  c[ImGuiCol_TextDisabled] = rgb(120, 128, 140);
  c[ImGuiCol_WindowBg] = rgb(24, 27, 33);
  c[ImGuiCol_ChildBg] = rgb(24, 27, 33, 0.0f);
  c[ImGuiCol_PopupBg] = rgb(30, 34, 42, 0.98f);
  c[ImGuiCol_Border] = rgb(48, 54, 64);
  c[ImGuiCol_FrameBg] = rgb(36, 41, 50);
  c[ImGuiCol_FrameBgHovered] = rgb(46, 53, 65);
  c[ImGuiCol_FrameBgActive] = rgb(54, 62, 76);
  c[ImGuiCol_TitleBg] = rgb(30, 34, 42);
  c[ImGuiCol_TitleBgActive] = rgb(30, 34, 42);
  c[ImGuiCol_TitleBgCollapsed] = rgb(30, 34, 42);
  c[ImGuiCol_MenuBarBg] = rgb(30, 34, 42);
  c[ImGuiCol_ScrollbarBg] = rgb(24, 27, 33, 0.0f);
  c[ImGuiCol_ScrollbarGrab] = rgb(58, 65, 78);
  c[ImGuiCol_ScrollbarGrabHovered] = rgb(72, 80, 96);
  c[ImGuiCol_ScrollbarGrabActive] = rgb(86, 96, 114);
  c[ImGuiCol_CheckMark] = rgb(94, 160, 255);
  c[ImGuiCol_SliderGrab] = rgb(94, 160, 255);
  c[ImGuiCol_SliderGrabActive] = rgb(120, 178, 255);
  c[ImGuiCol_Button] = rgb(44, 50, 62);
  c[ImGuiCol_ButtonHovered] = rgb(58, 67, 84);
  c[ImGuiCol_ButtonActive] = rgb(70, 82, 104);
  c[ImGuiCol_Header] = rgb(46, 74, 120, 0.75f);
  c[ImGuiCol_HeaderHovered] = rgb(54, 84, 134, 0.85f);
  c[ImGuiCol_HeaderActive] = rgb(62, 96, 150);
  c[ImGuiCol_Separator] = rgb(48, 54, 64);
  c[ImGuiCol_Tab] = rgb(36, 41, 50);
  c[ImGuiCol_TabHovered] = rgb(58, 67, 84);
  c[ImGuiCol_TabActive] = rgb(50, 64, 90);
  c[ImGuiCol_TableHeaderBg] = rgb(34, 38, 47);
  c[ImGuiCol_TableBorderLight] = rgb(40, 45, 54);
  c[ImGuiCol_TextSelectedBg] = rgb(94, 160, 255, 0.35f);
  c[ImGuiCol_NavHighlight] = rgb(94, 160, 255);
}

}  // namespace

void apply_theme() {
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  s.WindowPadding = {10.0f, 8.0f};
  s.FramePadding = {8.0f, 4.0f};
  s.ItemSpacing = {8.0f, 6.0f};
  s.ItemInnerSpacing = {6.0f, 4.0f};
  s.ScrollbarSize = 12.0f;
  s.WindowRounding = 4.0f;
  s.ChildRounding = 3.0f;
  s.FrameRounding = 3.0f;
  s.PopupRounding = 4.0f;
  s.ScrollbarRounding = 6.0f;
  s.GrabRounding = 3.0f;
  s.TabRounding = 3.0f;
  s.WindowBorderSize = 1.0f;
  s.FrameBorderSize = 0.0f;
  s.WindowTitleAlign = {0.0f, 0.5f};
  apply_colors(s);
}

}  // namespace asyncrace::ui
