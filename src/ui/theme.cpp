#include "theme.hpp"

namespace asyncrace::ui {
namespace {

theme_kind current = theme_kind::dark;

ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
  return {static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f, static_cast<float>(b) / 255.0f, a};
}

void dark_colors(ImGuiStyle& s) {
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

void light_colors(ImGuiStyle& s) {
  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = rgb(28, 32, 39);
  c[ImGuiCol_TextDisabled] = rgb(130, 136, 146);
  c[ImGuiCol_WindowBg] = rgb(250, 250, 252);
  c[ImGuiCol_ChildBg] = rgb(250, 250, 252, 0.0f);
  c[ImGuiCol_PopupBg] = rgb(255, 255, 255, 0.98f);
  c[ImGuiCol_Border] = rgb(206, 210, 218);
  c[ImGuiCol_FrameBg] = rgb(234, 236, 241);
  c[ImGuiCol_FrameBgHovered] = rgb(222, 226, 234);
  c[ImGuiCol_FrameBgActive] = rgb(210, 216, 228);
  c[ImGuiCol_TitleBg] = rgb(236, 238, 242);
  c[ImGuiCol_TitleBgActive] = rgb(236, 238, 242);
  c[ImGuiCol_TitleBgCollapsed] = rgb(236, 238, 242);
  c[ImGuiCol_MenuBarBg] = rgb(236, 238, 242);
  c[ImGuiCol_ScrollbarBg] = rgb(250, 250, 252, 0.0f);
  c[ImGuiCol_ScrollbarGrab] = rgb(196, 201, 210);
  c[ImGuiCol_ScrollbarGrabHovered] = rgb(176, 182, 194);
  c[ImGuiCol_ScrollbarGrabActive] = rgb(156, 163, 176);
  c[ImGuiCol_CheckMark] = rgb(31, 95, 191);
  c[ImGuiCol_SliderGrab] = rgb(31, 95, 191);
  c[ImGuiCol_SliderGrabActive] = rgb(24, 76, 160);
  c[ImGuiCol_Button] = rgb(226, 229, 236);
  c[ImGuiCol_ButtonHovered] = rgb(210, 216, 228);
  c[ImGuiCol_ButtonActive] = rgb(192, 200, 216);
  c[ImGuiCol_Header] = rgb(190, 210, 240, 0.8f);
  c[ImGuiCol_HeaderHovered] = rgb(200, 218, 245, 0.9f);
  c[ImGuiCol_HeaderActive] = rgb(176, 200, 238);
  c[ImGuiCol_Separator] = rgb(206, 210, 218);
  c[ImGuiCol_Tab] = rgb(228, 231, 237);
  c[ImGuiCol_TabHovered] = rgb(206, 216, 234);
  c[ImGuiCol_TabActive] = rgb(190, 208, 238);
  c[ImGuiCol_TableHeaderBg] = rgb(232, 235, 240);
  c[ImGuiCol_TableBorderLight] = rgb(220, 224, 230);
  c[ImGuiCol_TextSelectedBg] = rgb(31, 95, 191, 0.25f);
  c[ImGuiCol_NavHighlight] = rgb(31, 95, 191);
}

void dark_palette() {
  using namespace palette;
  text = IM_COL32(222, 226, 232, 255);
  text_dim = IM_COL32(140, 148, 160, 255);
  accent = IM_COL32(94, 160, 255, 255);
  time = IM_COL32(110, 190, 150, 255);
  warning = IM_COL32(240, 190, 80, 255);
  error = IM_COL32(255, 110, 100, 255);
  created = IM_COL32(200, 205, 215, 255);
  playhead = IM_COL32(255, 255, 255, 150);
  hover = IM_COL32(255, 255, 255, 24);
  rule = IM_COL32(70, 78, 92, 255);
  band_even = IM_COL32(26, 29, 35, 255);
  band_odd = IM_COL32(31, 35, 41, 255);
  line_number = IM_COL32(90, 98, 112, 255);
  syntax_keyword = IM_COL32(198, 146, 255, 255);
  syntax_string = IM_COL32(152, 210, 120, 255);
  syntax_comment = IM_COL32(110, 120, 134, 255);
  syntax_number = IM_COL32(245, 170, 100, 255);
  syntax_preprocessor = IM_COL32(110, 170, 230, 255);
  page = IM_COL32(17, 19, 23, 255);
  finish = IM_COL32(255, 205, 80, 255);
}

// Darker inks on a light page: each keeps its hue, with contrast for small text.
void light_palette() {
  using namespace palette;
  text = IM_COL32(28, 32, 39, 255);
  text_dim = IM_COL32(88, 96, 108, 255);
  accent = IM_COL32(31, 95, 191, 255);
  time = IM_COL32(24, 118, 78, 255);
  warning = IM_COL32(150, 95, 0, 255);
  error = IM_COL32(196, 40, 30, 255);
  created = IM_COL32(110, 118, 130, 255);
  playhead = IM_COL32(0, 0, 0, 150);
  hover = IM_COL32(0, 0, 0, 18);
  rule = IM_COL32(176, 182, 192, 255);
  band_even = IM_COL32(250, 250, 252, 255);
  band_odd = IM_COL32(238, 240, 244, 255);
  line_number = IM_COL32(150, 156, 166, 255);
  syntax_keyword = IM_COL32(128, 60, 200, 255);
  syntax_string = IM_COL32(34, 128, 40, 255);
  syntax_comment = IM_COL32(118, 126, 138, 255);
  syntax_number = IM_COL32(184, 96, 16, 255);
  syntax_preprocessor = IM_COL32(28, 98, 176, 255);
  page = IM_COL32(226, 229, 234, 255);
  finish = IM_COL32(226, 160, 20, 255);  // yellow needs depth on white
}

}  // namespace

theme_kind current_theme() { return current; }

band_colors theme_bands() {
  if (current == theme_kind::dark) return {};
  return {{0.980f, 0.980f, 0.988f, 1.0f}, {0.933f, 0.941f, 0.957f, 1.0f}, {0.0f, 0.0f, 0.0f, 0.06f},
          {0.0f, 0.0f, 0.0f, 0.16f},      {0.0f, 0.0f, 0.0f, 0.05f},      {0.12f, 0.37f, 0.75f, 0.08f}};
}

void apply_theme(theme_kind kind) {
  current = kind;
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
  s.FrameBorderSize = kind == theme_kind::light ? 1.0f : 0.0f;  // light fields need an edge
  s.WindowTitleAlign = {0.0f, 0.5f};
  if (kind == theme_kind::light) {
    light_colors(s);
    light_palette();
  } else {
    dark_colors(s);
    dark_palette();
  }
}

}  // namespace asyncrace::ui
