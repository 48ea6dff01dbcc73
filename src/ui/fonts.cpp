#include "fonts.hpp"

#include <cstddef>

#include <imgui.h>

namespace asyncrace::embedded {
extern const unsigned char ui_font_ttf[];
extern const std::size_t ui_font_ttf_size;
extern const unsigned char code_font_ttf[];
extern const std::size_t code_font_ttf_size;
}  // namespace asyncrace::embedded

namespace asyncrace::ui {
namespace {

font_set loaded;

// Latin-1 plus the few symbols the views draw: · – … → ▶ ■ ● ◆ ✓ (ASYNCRACE_GLYPHS in
// src/ui/CMakeLists.txt, which also cuts the embedded fonts down to them).
constexpr ImWchar glyph_ranges[] = {
#include "glyph_ranges.inc"
    0};

ImFont* add_font(const unsigned char* ttf, std::size_t size, float pixels, float ratio) {
  ImGuiIO& io = ImGui::GetIO();
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // static data: the atlas must not free it
  config.OversampleH = 2;
  config.OversampleV = 1;
  config.PixelSnapH = false;
  if (size == 0) {
    config.SizePixels = 13.0f * ratio;
    return io.Fonts->AddFontDefault(&config);
  }
  // ImGui takes void* but never writes to font data it does not own.
  auto* data = const_cast<unsigned char*>(ttf);
  return io.Fonts->AddFontFromMemoryTTF(data, static_cast<int>(size), pixels * ratio, &config, glyph_ranges);
}

}  // namespace

void load_fonts(float pixel_ratio) {
  const float ratio = pixel_ratio > 0.0f ? pixel_ratio : 1.0f;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  loaded.ui = add_font(embedded::ui_font_ttf, embedded::ui_font_ttf_size, 15.0f, ratio);
  loaded.code = add_font(embedded::code_font_ttf, embedded::code_font_ttf_size, 14.0f, ratio);
  loaded.small = add_font(embedded::ui_font_ttf, embedded::ui_font_ttf_size, 12.5f, ratio);
  io.FontDefault = loaded.ui;
  io.FontGlobalScale = 1.0f / ratio;
  io.Fonts->Build();
}

const font_set& fonts() { return loaded; }

}  // namespace asyncrace::ui
