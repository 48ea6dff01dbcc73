// What to notice in the selected tutorial, and how to read the race diagram.
#pragma once

namespace asyncrace::ui {

class app_state;
struct rect;

void draw_explanation(const app_state& app, const rect& area);

}  // namespace asyncrace::ui
