// Opaque rectangles filled with a scissored glClear instead of ImGui's textured, blended quads.
// Without a GPU the browser draws WebGL with SwiftShader on the CPU, where one quad over the
// window cost ~20 ms of a 1280x800 frame's ~75 (a clear: ~1 ms). The page background and every
// panel's background (together about two windows' worth of pixels) are the largest fills of a
// frame, and they are drawn this way; each lands in a draw list as a callback, in the list's order.
#pragma once

#include <imgui.h>

namespace asyncrace::ui {

// Fills [min, max) with `col` (its alpha ignored: the fill is opaque).
void clear_rect(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 col);

// A rect whose `corners` (ImDrawFlags_RoundCorners*) are rounded by `rounding`: the straight parts
// are cleared, the corners are drawn by ImGui (a few triangles each, antialiased as ImGui's own).
void clear_rounded_rect(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 col, float rounding, ImDrawFlags corners);

}  // namespace asyncrace::ui
