// A fixed panel of the page: an ImGui window pinned to a rect of the computed layout.
#pragma once

#include <imgui.h>

#include "layout.hpp"

namespace asyncrace::ui {

// `title` may carry an ImGui "###id" suffix so a changing title keeps one window.
// Always pair with end_panel(), whatever this returns.
bool begin_panel(const char* title, const rect& r, ImGuiWindowFlags extra = 0);
void end_panel();

// A dim line of text, e.g. a section caption.
void caption(const char* text);

}  // namespace asyncrace::ui
