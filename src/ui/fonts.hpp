// The playground's fonts: DejaVu Sans for the interface, DejaVu Sans Mono for code and the console,
// embedded at build time (ImGui's built-in font when they were not available to the build).
#pragma once

struct ImFont;

namespace asyncrace::ui {

struct font_set {
  ImFont* ui = nullptr;
  ImFont* code = nullptr;
  ImFont* small = nullptr;  // axis labels, badges
};

// Rebuilds ImGui's font atlas with glyphs rasterised at `pixel_ratio` × their size and drawn at
// 1/pixel_ratio, so text stays sharp on HiDPI screens. Call outside a frame.
void load_fonts(float pixel_ratio);

const font_set& fonts();

}  // namespace asyncrace::ui
