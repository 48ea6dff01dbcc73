// A window that stands over the race diagram (Predict, Statistics): on a wide screen in its right
// part, so the lanes stay in view beside it; on a phone over all of it. Not movable: it belongs to
// the diagram, and a drag inside it means a drag of its content.
#pragma once

#include "layout.hpp"

namespace asyncrace::ui {

// Always pair with ImGui::End(), whatever this returns. `open` goes false when closed.
bool begin_overlay(const char* title, const rect& diagram, bool* open);

// Wraps the next ImGui::SameLine only when an item `width` px wide still fits on the line: on a
// phone a row of buttons continues on the next line instead of running past the edge.
void same_line_if_fits(float width, float spacing = -1.0f);

// The last ImGui item's rectangle on screen (automation reads where buttons and rows were).
rect last_item_rect();

}  // namespace asyncrace::ui
