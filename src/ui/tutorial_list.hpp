// The list of tutorials, grouped by seed and topic; clicking one selects it.
#pragma once

namespace asyncrace::ui {

class app_state;
struct rect;

void draw_tutorial_list(app_state& app, const rect& area);

// The height the list needs at panel width `width` (title bar and padding included).
float tutorial_list_height(float width);

}  // namespace asyncrace::ui
