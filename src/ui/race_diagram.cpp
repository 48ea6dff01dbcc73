#include "race_diagram.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app_state.hpp"
#include "compare_combo.hpp"
#include "finish_summary.hpp"
#include "fonts.hpp"
#include "lane_layout.hpp"
#include "lane_painter.hpp"
#include "legend.hpp"
#include "panel.hpp"
#include "pool_lanes.hpp"
#include "theme.hpp"
#include "tutorials/session.hpp"

namespace asyncrace::ui {

// One diagram's rows at the playhead, worked out once per frame: task lanes in tree order, then
// pool lanes.
struct diagram_rows {
  std::vector<lane_row> order;
  std::vector<pool_lane> pools;
  std::size_t count() const { return order.size() + pools.size(); }
};

namespace {

constexpr float axis_height = 22.0f;
constexpr float finish_width = 56.0f;

// How far the view should reach: everything recorded, the playhead, and every pending deadline
// (so a 1 s sleep shows its whole span from the moment it starts).
double horizon(const trace::recording& rec, double playhead) {
  double h = std::max(rec.end_time(), playhead);
  for (const trace::task_lane& lane : rec.lanes())
    for (const trace::wait_span& w : lane.waits)
      if (w.on.kind == wait_kind::sleep && w.end == trace::never) h = std::max(h, w.on.deadline);
  return h > 0.0 ? h : 1.0;
}

// The finish-order summary ("10  12  30 …") that fits in `max_width` px: the last word of each
// finisher's first printed line, empty unless informative (two or more, all distinct) and unless
// at least one fits.
std::string finish_summary(const trace::recording& rec, double playhead, float max_width) {
  const std::vector<std::string> tokens = finish_tokens(rec, playhead);
  if (!informative(tokens)) return std::string();
  return fit_summary(tokens, max_width, [](std::string_view text) {
    return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
  });
}

// The summary with its caption at the right end of the current line, from the cursor (after the
// last item, `gap` px apart) to `right` (window coordinates): nothing if it does not fit.
void finish_order_item(const trace::recording& rec, double playhead, float right, float gap = 20.0f) {
  const char* caption = "finish order  ";
  const float caption_w = ImGui::CalcTextSize(caption).x;
  ImGui::SameLine(0.0f, gap);
  const float left = ImGui::GetCursorPosX();
  const std::string order = finish_summary(rec, playhead, right - left - caption_w);
  if (order.empty()) {
    ImGui::NewLine();
    return;
  }
  const float w = caption_w + ImGui::CalcTextSize(order.c_str()).x;
  ImGui::SetCursorPosX(std::max(left, right - w));
  ImGui::PushStyleColor(ImGuiCol_Text, palette::text_dim);
  ImGui::TextUnformatted(caption);
  ImGui::PopStyleColor();
  ImGui::SameLine(0.0f, 0.0f);
  ImGui::PushStyleColor(ImGuiCol_Text, palette::finish);
  ImGui::TextUnformatted(order.c_str());
  ImGui::PopStyleColor();
}

std::string zoom_readout(double px_per_s) {
  const double per_px = 1.0 / px_per_s;
  char buf[48];
  if (per_px >= 1.0)
    std::snprintf(buf, sizeof buf, "1 px = %.3g s", per_px);
  else if (per_px >= 1e-3)
    std::snprintf(buf, sizeof buf, "1 px = %.3g ms", per_px * 1e3);
  else if (per_px >= 1e-6)
    std::snprintf(buf, sizeof buf, "1 px = %.3g \xc2\xb5s", per_px * 1e6);
  else
    std::snprintf(buf, sizeof buf, "1 px = %.3g ns", per_px * 1e9);
  return buf;
}

void empty_hint(const rect& area, const char* text) {
  const ImVec2 size = ImGui::CalcTextSize(text);
  ImGui::GetWindowDrawList()->AddText({area.x + 0.5f * (area.w - size.x), area.y + 0.5f * (area.h - size.y)},
                                      palette::text_dim, text);
}

// Wide enough for the labels (indent included), but the plot keeps most of the panel.
float label_width(const trace::recording& rec, const std::vector<lane_row>& order, float avail) {
  const auto& lanes = rec.lanes();
  float widest = 0.0f;
  const std::size_t sample = std::min<std::size_t>(order.size(), 200);  // big runs: the first rows say enough
  for (std::size_t i = 0; i < sample; ++i) {
    const std::string label = lane_label(lanes[order[i].lane]);
    widest =
        std::max(widest, 12.0f * static_cast<float>(order[i].depth) + ImGui::CalcTextSize(label.c_str()).x);
  }
  for (const pool_lane& pool : layout_pool_lanes(rec.jobs(), trace::never))
    widest = std::max(widest, 14.0f + ImGui::CalcTextSize(pool_lane_label(pool).c_str()).x);
  return std::floor(std::clamp(widest + 16.0f, 150.0f, std::max(150.0f, avail * 0.36f)));
}

diagram_rows rows_of(const trace::recording& rec, double playhead) {
  return {order_lanes(rec.lanes()), layout_pool_lanes(rec.jobs(), playhead)};
}

// The legend sits in the panel's title bar, right-aligned, when it fits beside the title.
void title_legend() {
  const ImVec2 pos = ImGui::GetWindowPos();
  const float width = ImGui::GetWindowWidth();
  const float bar = ImGui::GetFrameHeight();
  const float legend = legend_width();
  const float left = pos.x + ImGui::CalcTextSize("Race diagram").x + 40.0f;
  const float x = pos.x + width - legend - ImGui::GetStyle().WindowPadding.x;
  if (x < left) return;
  ImGui::PushClipRect(pos, {pos.x + width, pos.y + bar}, false);
  draw_legend(ImGui::GetWindowDrawList(), {x, pos.y}, bar);
  ImGui::PopClipRect();
}

// A compared diagram's title line: "sequential_await  3 s" (how long the whole run took, once it
// has), and its finish order at the right.
void run_title(const tutorials::session& run, bool running, double playhead, bool compared, float width) {
  const float x0 = ImGui::GetCursorPosX();
  ImGui::PushStyleColor(ImGuiCol_Text, compared ? palette::finish : palette::accent);
  ImGui::TextUnformatted(std::string(run.source().slug()).c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine(0.0f, 14.0f);
  std::string total;
  ImU32 color = palette::time;
  if (!run.error().empty()) {
    total = "failed at " + format_seconds(run.trace().end_time()) + " s";
    color = palette::error;
  } else if (running) {
    total = "running\xe2\x80\xa6";
    color = palette::text_dim;
  } else {
    total = "total " + format_seconds(run.trace().end_time()) + " s";
  }
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(total.c_str());
  ImGui::PopStyleColor();
  finish_order_item(run.trace(), playhead, x0 + width);
}

}  // namespace

void race_diagram::draw(app_state& app, const rect& area) {
  panel_ = area;
  if (begin_panel("Race diagram", area, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
    if (app.run_serial() != serial_) {
      serial_ = app.run_serial();
      follow_ = true;
    }
    title_legend();
    header(app);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const tutorials::session* runs[] = {app.session(), app.compare_session()};
    if (runs[0] != nullptr) {
      const bool two = runs[1] != nullptr;
      const double playhead = app.playhead();
      std::array<diagram_rows, 2> rows;
      rows[0] = rows_of(runs[0]->trace(), playhead);
      // Both diagrams share the label column's width and the axis, so their plots line up.
      double reach = horizon(runs[0]->trace(), playhead);
      float label_w = label_width(runs[0]->trace(), rows[0].order, avail.x);
      if (two) {
        rows[1] = rows_of(runs[1]->trace(), playhead);
        reach = std::max(reach, horizon(runs[1]->trace(), playhead));
        label_w = std::max(label_w, label_width(runs[1]->trace(), rows[1].order, avail.x));
      }
      if (follow_ || fit_requested_)
        axis_ = fit(0.0, reach, columns(min, avail.x, label_w, playhead).plot_width());
      fit_requested_ = false;
      const bool live = app.running();  // one clock: the playhead moves on both until both are done
      if (!two) {
        panes_[1].plot = {};
        panes_[1].pools.clear();
        lanes(panes_[0], "lanes", runs[0]->trace(), std::move(rows[0]), label_w, playhead, live, reach, avail);
      } else {
        constexpr float gap = 8.0f;
        const float title_h = ImGui::GetTextLineHeightWithSpacing() + 2.0f;
        const std::array<float, 2> heights =
            stack_heights(avail.y - gap, title_h + axis_height + 4.0f, rows[0].count(), rows[1].count());
        for (int i = 0; i < 2; ++i) {
          const float top = min.y + (i == 0 ? 0.0f : heights[0] + gap);
          const float half = heights[i];
          if (i == 1)
            ImGui::GetWindowDrawList()->AddLine({min.x, top - 0.5f * gap}, {min.x + avail.x, top - 0.5f * gap},
                                                palette::rule);
          ImGui::SetCursorScreenPos({min.x, top});
          run_title(*runs[i], app.running(runs[i]), playhead, i == 1, avail.x);
          ImGui::SetCursorScreenPos({min.x, top + title_h});
          const auto k = static_cast<std::size_t>(i);
          lanes(panes_[k], i == 0 ? "lanes" : "compare_lanes", runs[i]->trace(), std::move(rows[k]), label_w,
                playhead, live, reach, {avail.x, half - title_h});
        }
      }
    } else {
      panes_[0].plot = panes_[1].plot = {};
      panes_[0].pools.clear();
      panes_[1].pools.clear();
      std::string hint = "Press \xe2\x96\xb6 Run to watch the tasks race.";
      if (app.selected() != nullptr && app.compared() != nullptr)
        hint = "Press \xe2\x96\xb6 Run to race " + std::string(app.selected()->slug()) + " against " +
               std::string(app.compared()->slug()) + " on one clock.";
      empty_hint({min.x, min.y, avail.x, avail.y}, hint.c_str());
    }
  }
  end_panel();
}

void race_diagram::header(app_state& app) {
  if (ImGui::SmallButton("Fit")) {
    follow_ = true;
    fit_requested_ = true;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Show the whole run (double-click the diagram does the same)");
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, palette::text_dim);
  ImGui::TextUnformatted(zoom_readout(axis_.px_per_s).c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine(0.0f, 18.0f);
  // Export before Compare: on a narrow screen the combo may run past the edge, the button must not.
  exports_.draw(app);
  ImGui::SameLine(0.0f, 18.0f);
  draw_compare_combo(app);
  // Comparing, each diagram's title carries its own finish order.
  const tutorials::session* run = app.session();
  if (run != nullptr && app.compare_session() == nullptr)
    finish_order_item(run->trace(), app.playhead(), ImGui::GetWindowContentRegionMax().x);
}

void race_diagram::zoom_at(float x, double factor) {
  const rect& plot = panes_[0].plot;
  if (plot.w <= 0.0f || !(factor > 0.0)) return;
  axis_ = zoom_around(axis_, std::clamp(x, plot.x, plot.right()) - plot.x, factor);
  follow_ = false;
}

void race_diagram::axis_strip(const diagram_frame& f, float top, bool live) const {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const tick_spacing ticks = ticks_for(f.axis.px_per_s);
  ImFont* font = fonts().small;
  const float size = font->FontSize * ImGui::GetIO().FontGlobalScale;
  const float bottom = top + axis_height;
  dl->PushClipRect({f.plot_x0 - 40.0f, top}, {f.plot_x1 + 40.0f, bottom}, true);
  const double first = std::ceil(f.axis.to_t(0.0) / ticks.major - 1e-9);
  for (double k = first;; k += 1.0) {
    const double t = k * ticks.major;
    const double x = f.axis.to_x(t);
    if (x > f.plot_width() + 1.0) break;
    const float sx = f.plot_x0 + static_cast<float>(x);
    dl->AddLine({sx, bottom - 5.0f}, {sx, bottom}, palette::text_dim);
    const std::string label = format_tick(t, ticks.decimals);
    const float w = font->CalcTextSizeA(size, 1e9f, 0.0f, label.c_str()).x;
    dl->AddText(font, size, {sx - 0.5f * w, top + 2.0f}, palette::text_dim, label.c_str());
  }
  if (live) {
    const float px = f.x_of(f.playhead);
    dl->AddTriangleFilled({px - 5.0f, bottom - 7.0f}, {px + 5.0f, bottom - 7.0f}, {px, bottom},
                          palette::accent);
  }
  dl->PopClipRect();
  dl->AddLine({f.plot_x0, bottom}, {f.plot_x1, bottom}, palette::rule);
  // Column caption over the finish ranks.
  const char* caption = "rank";
  const float w = font->CalcTextSizeA(size, 1e9f, 0.0f, caption).x;
  dl->AddText(font, size, {0.5f * (f.finish_x0 + f.finish_x1 - w), top + 2.0f}, palette::text_dim, caption);
  dl->AddText(font, size, {f.label_x0, top + 2.0f}, palette::text_dim, "task");
}

// Columns of the diagram for this frame: labels | time plot | finish ranks.
diagram_frame race_diagram::columns(ImVec2 origin, float width, float label_w, double playhead) const {
  diagram_frame f;
  f.label_x0 = origin.x;
  f.plot_x0 = origin.x + label_w;
  f.finish_x1 = origin.x + width;
  f.finish_x0 = f.finish_x1 - finish_width;
  f.plot_x1 = f.finish_x0 - 10.0f;
  f.playhead = playhead;
  f.axis = axis_;
  return f;
}

void race_diagram::queue_background(pane& p, const diagram_frame& f, const rect& area, bool live) {
  background_params bg;
  bg.area = area;
  bg.plot_x0 = f.plot_x0;
  bg.plot_x1 = f.plot_x1;
  bg.rows_top = f.rows.top;
  bg.row_height = f.rows.height;
  bg.row_count = f.rows.count;
  bg.hovered_row = p.hovered_row;
  bg.now_x = live ? f.x_of(f.playhead) : 1e9f;
  bg.axis = f.axis;
  bg.ticks = ticks_for(f.axis.px_per_s);
  bg.colors = theme_bands();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (!p.background.queue(dl, bg))  // no shader: plain bands so the lanes stay readable
    for (int i = 0; i < f.rows.count; ++i)
      dl->AddRectFilled({area.x, f.rows.row_top(i)}, {area.right(), f.rows.row_top(i + 1)},
                        i % 2 == 0 ? palette::band_even : palette::band_odd);
}

void race_diagram::lanes(pane& p, const char* id, const trace::recording& rec, diagram_rows layout, float label_w,
                         double playhead, bool live, double reach, ImVec2 avail) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  diagram_frame f = columns(origin, avail.x, label_w, playhead);
  axis_strip(f, origin.y, live);

  ImGui::SetCursorScreenPos({origin.x, origin.y + axis_height + 2.0f});
  const std::vector<lane_row>& order = layout.order;
  p.pools = std::move(layout.pools);
  const int task_rows = static_cast<int>(order.size());
  const int rows = task_rows + static_cast<int>(p.pools.size());
  const float lanes_h = std::max(20.0f, avail.y - axis_height - 2.0f);
  ImGui::BeginChild(id, {avail.x, lanes_h}, false, ImGuiWindowFlags_NoScrollWithMouse);
  const rect visible = {ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, avail.x, lanes_h};
  f.rows = layout_rows(ImGui::GetCursorScreenPos().y, lanes_h, rows);
  p.plot = {f.plot_x0, visible.y, f.plot_width(), lanes_h};

  // One invisible button under everything: it owns the wheel, the drag and the hover.
  ImGui::InvisibleButton("plot", {avail.x, std::max(f.rows.total(), lanes_h)});
  const bool hovered = ImGui::IsItemHovered();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  p.hovered_row = hovered ? f.rows.row_at(mouse.y) : -1;
  interact(f, reach);
  f.axis = axis_;

  queue_background(p, f, visible, live);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // Only the rows in view: a run with thousands of tasks scrolls, it does not paint them all.
  const int first = std::max(0, f.rows.row_at(visible.y));
  const int last = f.rows.row_at(visible.bottom() - 1.0f);
  for (int row = first; row <= (last < 0 ? f.rows.count - 1 : last); ++row) {
    const std::size_t i = static_cast<std::size_t>(row);
    if (row >= task_rows) {  // pool lanes, below the tasks
      const pool_lane& pool = p.pools[i - order.size()];
      paint_pool_label(dl, f, pool, row);
      paint_pool_lane(dl, f, rec, pool, row);
      paint_pool_count(dl, f, pool, row);
      continue;
    }
    const trace::task_lane& lane = rec.lanes()[order[i].lane];
    paint_label(dl, f, lane, order[i], row);
    paint_lane(dl, f, rec, lane, row);
    paint_rank(dl, f, lane, row);
  }
  {  // over the task lanes: while the loop is blocked, nothing on them can run (workers still can)
    diagram_frame tasks_only = f;
    tasks_only.rows.count = task_rows;
    paint_blocked(dl, tasks_only, rec);
  }
  if (!p.pools.empty() && task_rows > 0) {  // the pools' rows start here
    const float y = std::floor(f.rows.row_top(task_rows)) + 0.5f;
    dl->AddLine({visible.x, y}, {visible.right(), y}, IM_COL32(120, 128, 142, 200), 1.0f);
  }
  if (live)
    dl->AddLine({f.x_of(f.playhead), visible.y}, {f.x_of(f.playhead), visible.bottom()}, palette::playhead);
  if (hovered && mouse.x >= f.plot_x0 && mouse.x <= f.plot_x1 &&
      !ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    if (p.hovered_row >= task_rows) {
      pool_tooltip(f, rec, p.pools[static_cast<std::size_t>(p.hovered_row - task_rows)], mouse.x);
    } else {
      const trace::task_lane* lane =
          p.hovered_row >= 0 ? &rec.lanes()[order[static_cast<std::size_t>(p.hovered_row)].lane] : nullptr;
      lane_tooltip(f, rec, lane, mouse.x);
    }
  }
  ImGui::EndChild();
}

void race_diagram::interact(const diagram_frame& f, double reach) {
  const ImGuiIO& io = ImGui::GetIO();
  const bool hovered = ImGui::IsItemHovered();
  const float mouse_x = io.MousePos.x - f.plot_x0;
  if (hovered && io.MouseWheel != 0.0f) {
    if (io.KeyShift) {
      ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseWheel * f.rows.height * 2.0f);
    } else {
      axis_ = zoom_around(axis_, mouse_x, std::pow(1.25, static_cast<double>(io.MouseWheel)));
      follow_ = false;
    }
  }
  if (hovered && io.MouseWheelH != 0.0f) {
    axis_ = pan(axis_, static_cast<double>(io.MouseWheelH) * 40.0);
    follow_ = false;
  }
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
    axis_ = pan(axis_, static_cast<double>(io.MouseDelta.x));
    follow_ = false;
  }
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    axis_ = fit(0.0, reach, f.plot_width());
    follow_ = true;
  }
}

}  // namespace asyncrace::ui
