// The race diagram header's Find box: a task's name ("Task-42"), its coroutine, or a part of what
// it printed first; Enter goes to the next matching row (wrapping) and says "3 of 17".
#pragma once

#include <cstddef>

#include "run_digest.hpp"

namespace asyncrace::ui {

struct find_box {
  char text[64] = {};
  int row = -1;             // the row found last (-1: none)
  std::size_t matches = 0;  // how many rows match `text`
  bool searched = false;    // Enter was pressed for the current text
};

// Draws the box on the current line; returns the row to show when Enter found one, else -1.
int draw_find_box(find_box& box, const run_digest& digest);

}  // namespace asyncrace::ui
