// The race diagram: one lane per task (label, creation, steps, waits with their deadlines,
// wake-ups, finish and rank), below them one lane per executor worker that ran a job (queue wait,
// run, hand-back to the loop), loop-blocked spans across all task lanes, a time axis that zooms around
// the cursor (wheel) and pans (drag) down to microseconds, and a finish-order column. In compare
// mode (app_state::compared()) two diagrams stacked, one per run, on ONE time axis: zoom or pan
// either and both follow, so equal durations are equal widths.
#pragma once

#include <cstdint>
#include <vector>

#include <imgui.h>

#include "diagram_background.hpp"
#include "export_menu.hpp"
#include "diagram_find.hpp"
#include "layout.hpp"
#include "loop/observer.hpp"
#include "pool_lanes.hpp"
#include "predict_view.hpp"
#include "row_scroll.hpp"
#include "run_digest.hpp"
#include "stats_view.hpp"
#include "time_axis.hpp"

namespace asyncrace::trace {
class recording;
}
namespace asyncrace::tutorials {
class session;
}

namespace asyncrace::ui {

class app_state;
struct diagram_frame;

class race_diagram {
 public:
  // Draws the selected tutorial's run (and the compared one's below it); the header's "Compare
  // with" combo sets app_state::set_compare.
  void draw(app_state& app, const rect& area);
  // Zooms the time axis by `factor` around screen x (a pinch on a touch screen).
  void zoom_at(float x, double factor);

  // The time plots' and the whole panel's rectangles last frame (screen coordinates), for
  // automation; compare_plot() is empty unless two runs are shown.
  const rect& plot() const { return panes_[0].plot; }
  const rect& compare_plot() const { return panes_[1].plot; }
  const rect& panel() const { return panel_; }
  // The selected run's time axis strip (a drag there scrubs the playhead).
  const rect& axis_strip() const { return panes_[0].axis; }
  const time_axis& axis() const { return axis_; }
  // The pool lanes (one per worker that ran an executor job) drawn last frame below the task
  // lanes, for automation; compare_pool_lanes() those of the compared run.
  const std::vector<pool_lane>& pool_lanes() const { return panes_[0].digest.pools(); }
  const std::vector<pool_lane>& compare_pool_lanes() const { return panes_[1].digest.pools(); }
  // The first row in view of the selected run's diagram, and how many rows it has.
  double first_row() const { return panes_[0].scroll.first; }
  std::size_t rows() const { return panes_[0].digest.order().size() + panes_[0].digest.pools().size(); }
  // Shows `row` of the selected run's diagram in the middle of its rows, and that task's life
  // (creation to finish) on the time axis; false when there is no such row.
  bool show_row(int row);
  // Code and picture tied together (code_links.hpp), for the selected run's diagram: the task
  // whose lane the mouse is over (no_task when none), the tasks whose lanes are marked (sorted),
  // and each task row drawn last frame with its rectangle (for automation).
  task_id hovered_task() const { return panes_[0].hovered_task; }
  void mark_linked_tasks(const std::vector<task_id>& sorted_ids) { linked_ = sorted_ids; }
  struct drawn_row {
    task_id task;
    rect area;
  };
  const std::vector<drawn_row>& task_rows_drawn() const { return panes_[0].drawn; }
  // The header's Export button and menu (automation downloads through it too).
  export_menu& exports() { return exports_; }
  const export_menu& exports() const { return exports_; }
  // The header's Predict and Statistics windows (issue 11; automation drives them too).
  predict_view& predict() { return predict_; }
  stats_view& stats() { return stats_; }

 private:
  // One diagram's own state: its run's digest, what the mouse is over, where it was drawn, its
  // scroll, its GPU background.
  struct pane {
    run_digest digest;
    int hovered_row = -1;
    task_id hovered_task = no_task;  // the task of hovered_row (none: a pool row, or no row)
    std::vector<drawn_row> drawn;    // task rows drawn last frame
    int marked_row = -1;  // the row Find went to
    rect plot;
    rect axis;  // the time axis strip above the lanes
    row_scroll scroll;
    double visible_rows = 0.0;
    diagram_background background;
  };

  void header(app_state& app);
  void axis_strip(const diagram_frame& f, float top, bool live) const;
  // An invisible button over the strip: dragging it asks to scrub to the time under the mouse.
  void scrub_strip(pane& p, const char* id, const diagram_frame& f, float top);
  diagram_frame columns(ImVec2 origin, float width, float label_w, double playhead) const;
  void queue_background(pane& p, const diagram_frame& f, const rect& area, bool live, int base);
  // One run's diagram: overview (big runs), axis strip and lanes in `size` from the cursor, on the
  // shared axis.
  void lanes(pane& p, const char* id, const trace::recording& rec, float label_w, double playhead, bool live,
             double reach, ImVec2 size);
  void paint_rows(pane& p, const diagram_frame& f, const trace::recording& rec, int base, const rect& visible);
  void interact(pane& p, const diagram_frame& f, double horizon);

  time_axis axis_;      // shared by both diagrams in compare mode
  bool follow_ = true;  // keep the whole run in view until the user zooms or pans
  bool fit_requested_ = false;
  std::uint64_t serial_ = ~std::uint64_t{0};
  find_box find_;
  rect panel_;
  pane panes_[2];  // the selected tutorial's run, the compared one's
  export_menu exports_;
  predict_view predict_;
  stats_view stats_;
  void predict_and_stats_buttons(app_state& app);
  std::vector<task_id> linked_;  // lanes marked for the editor's cursor line (sorted)
  void paint_linked(pane& p, const diagram_frame& f, const trace::recording& rec, int base, const rect& visible);
  double scrub_to_ = -1.0;  // where a drag on an axis strip asked the playhead to go (this frame)
};

}  // namespace asyncrace::ui
