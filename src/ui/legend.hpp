// The race diagram's legend: one line of swatches drawn the way the diagram draws each thing.
#pragma once

#include <imgui.h>

namespace asyncrace::ui {

// Width the legend needs on one line.
float legend_width();
// Draws the legend on one line, starting at `origin`, `height` pixels tall (e.g. in a title bar).
void draw_legend(ImDrawList* dl, ImVec2 origin, float height);

}  // namespace asyncrace::ui
