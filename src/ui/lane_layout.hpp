// Which lane goes on which row of the race diagram, and how tall the rows are. Pure: unit-tested.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "trace/recording.hpp"

namespace asyncrace::ui {

struct lane_row {
  std::size_t lane = 0;  // index into recording::lanes()
  int depth = 0;         // 0 for the main task, 1 for its children, ...
};

// Tasks in tree order: each task directly above the tasks it created (in creation order), so a
// gather's children sit under the task that awaits them.
std::vector<lane_row> order_lanes(std::span<const trace::task_lane> lanes);

// "do_some_work · Starting work 10": the coroutine plus the first line it printed.
std::string lane_label(const trace::task_lane& lane);

struct row_geometry {
  float top = 0.0f;     // y of the first row
  float height = 0.0f;  // every row's height
  int count = 0;

  float row_top(int row) const { return top + height * static_cast<float>(row); }
  float row_center(int row) const { return row_top(row) + 0.5f * height; }
  // The row under y, or -1.
  int row_at(float y) const;
  float total() const { return height * static_cast<float>(count); }
};

// Spreads `count` rows over `available` pixels, each between `min_height` and `max_height` (rows
// past the available space scroll).
row_geometry layout_rows(float top, float available, int count, float min_height = 18.0f,
                         float max_height = 30.0f);

}  // namespace asyncrace::ui
