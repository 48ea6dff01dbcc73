// The race diagram header's "Compare with [none v]" combo: which tutorial runs beside the selected
// one (app_state::set_compare), suggested partners (compare.hpp) first.
#pragma once

namespace asyncrace::ui {

class app_state;

void draw_compare_combo(app_state& app);

}  // namespace asyncrace::ui
