// Second phase of drawing the race diagram: one lane's label, spans, markers and rank, the
// loop-blocked shading across all lanes, and the tooltip for whatever is under the mouse.
#pragma once

#include <string>

#include <imgui.h>

#include "lane_layout.hpp"
#include "pool_lanes.hpp"
#include "time_axis.hpp"
#include "trace/recording.hpp"

namespace asyncrace::ui {

// Where the diagram's parts are this frame, in screen coordinates.
struct diagram_frame {
  float label_x0 = 0.0f;
  float plot_x0 = 0.0f;
  float plot_x1 = 0.0f;
  float finish_x0 = 0.0f;
  float finish_x1 = 0.0f;
  row_geometry rows;
  time_axis axis;
  double playhead = 0.0;  // spans still open end here

  float plot_width() const { return plot_x1 - plot_x0; }
  float x_of(double t) const;  // clamped near the plot
};

void paint_label(ImDrawList* dl, const diagram_frame& f, const trace::task_lane& lane, const lane_row& row,
                 int index);
void paint_lane(ImDrawList* dl, const diagram_frame& f, const trace::recording& rec,
                const trace::task_lane& lane, int index);
void paint_rank(ImDrawList* dl, const diagram_frame& f, const trace::task_lane& lane, int index);
void paint_blocked(ImDrawList* dl, const diagram_frame& f, const trace::recording& rec);

// Pool lanes (below the task lanes): "pool 0 · worker 3 · cpu_bound", the jobs as bars led in by
// their queue waits and ended by the hand-back marker, the job count in the rank column.
void paint_pool_label(ImDrawList* dl, const diagram_frame& f, const pool_lane& lane, int index);
void paint_pool_lane(ImDrawList* dl, const diagram_frame& f, const trace::recording& rec, const pool_lane& lane,
                     int index);
void paint_pool_count(ImDrawList* dl, const diagram_frame& f, const pool_lane& lane, int index);
// Tooltip for the pool row under the mouse at screen x: the job there (queued, start, end, task).
void pool_tooltip(const diagram_frame& f, const trace::recording& rec, const pool_lane& lane, float x);

// Shows a tooltip for what lies at screen x on `lane`'s row (null: no lane), or on a blocked span.
void lane_tooltip(const diagram_frame& f, const trace::recording& rec, const trace::task_lane* lane, float x);

}  // namespace asyncrace::ui
