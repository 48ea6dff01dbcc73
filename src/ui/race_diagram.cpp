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
#include "diagram_header.hpp"
#include "fonts.hpp"
#include "lane_layout.hpp"
#include "lane_painter.hpp"
#include "legend.hpp"
#include "overview_strip.hpp"
#include "panel.hpp"
#include "pool_lanes.hpp"
#include "theme.hpp"
#include "tutorials/session.hpp"

namespace asyncrace::ui {

using detail::row_count;
using detail::run_title;
using detail::title_legend;

namespace {

constexpr float axis_height = 22.0f;
constexpr float finish_width = 56.0f;

void empty_hint(const rect& area, const char* text) {
  const ImVec2 size = ImGui::CalcTextSize(text);
  ImGui::GetWindowDrawList()->AddText({area.x + 0.5f * (area.w - size.x), area.y + 0.5f * (area.h - size.y)},
                                      palette::text_dim, text);
}

// Wide enough for the labels (indent included), but the plot keeps most of the panel.
float label_width(const trace::recording& rec, const run_digest& digest, float avail) {
  const auto& lanes = rec.lanes();
  const std::vector<lane_row>& order = digest.order();
  float widest = 0.0f;
  const std::size_t sample = std::min<std::size_t>(order.size(), 200);  // big runs: the first rows say enough
  for (std::size_t i = 0; i < sample; ++i) {
    const std::string label = lane_label(lanes[order[i].lane]);
    widest =
        std::max(widest, 12.0f * static_cast<float>(order[i].depth) + ImGui::CalcTextSize(label.c_str()).x);
  }
  for (const pool_lane& pool : digest.every_pool())
    widest = std::max(widest, 14.0f + ImGui::CalcTextSize(pool_lane_label(pool).c_str()).x);
  return std::floor(std::clamp(widest + 16.0f, 150.0f, std::max(150.0f, avail * 0.36f)));
}

}  // namespace

void race_diagram::draw(app_state& app, const rect& area) {
  panel_ = area;
  scrub_to_ = -1.0;
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
      // Both diagrams share the label column's width and the axis, so their plots line up.
      for (int i = 0; i < (two ? 2 : 1); ++i)
        panes_[i].digest.update(runs[i]->trace(), app.run_serial(), playhead, app.running(runs[i]));
      double reach = panes_[0].digest.horizon();
      float label_w = label_width(runs[0]->trace(), panes_[0].digest, avail.x);
      if (two) {
        reach = std::max(reach, panes_[1].digest.horizon());
        label_w = std::max(label_w, label_width(runs[1]->trace(), panes_[1].digest, avail.x));
      }
      if (follow_ || fit_requested_)
        axis_ = fit(0.0, reach, columns(min, avail.x, label_w, playhead).plot_width());
      fit_requested_ = false;
      // One clock: the playhead moves on both until both are done (and shows where a pause is).
      const bool live = app.running() || app.paused();
      if (!two) {
        panes_[1].plot = {};
        lanes(panes_[0], "lanes", runs[0]->trace(), label_w, playhead, live, reach, avail);
      } else {
        constexpr float gap = 8.0f;
        const float title_h = ImGui::GetTextLineHeightWithSpacing() + 2.0f;
        const std::array<float, 2> heights =
            stack_heights(avail.y - gap, title_h + axis_height + 4.0f, row_count(panes_[0].digest),
                          row_count(panes_[1].digest));
        for (int i = 0; i < 2; ++i) {
          const float top = min.y + (i == 0 ? 0.0f : heights[0] + gap);
          const float half = heights[i];
          if (i == 1)
            ImGui::GetWindowDrawList()->AddLine({min.x, top - 0.5f * gap}, {min.x + avail.x, top - 0.5f * gap},
                                                palette::rule);
          ImGui::SetCursorScreenPos({min.x, top});
          const auto k = static_cast<std::size_t>(i);
          run_title(*runs[i], panes_[k].digest, app.running(runs[i]), i == 1, avail.x);
          ImGui::SetCursorScreenPos({min.x, top + title_h});
          lanes(panes_[k], i == 0 ? "lanes" : "compare_lanes", runs[i]->trace(), label_w, playhead, live, reach,
                {avail.x, half - title_h});
        }
      }
    } else {
      panes_[0].plot = panes_[1].plot = {};
      std::string hint = "Press \xe2\x96\xb6 Run to watch the tasks race.";
      if (app.selected() != nullptr && app.compared() != nullptr)
        hint = "Press \xe2\x96\xb6 Run to race " + std::string(app.selected()->slug()) + " against " +
               std::string(app.compared()->slug()) + " on one clock.";
      empty_hint({min.x, min.y, avail.x, avail.y}, hint.c_str());
    }
  }
  end_panel();
  predict_.draw(app, area);
  stats_.draw(app, area);
  if (scrub_to_ >= 0.0) app.scrub(scrub_to_);
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

void race_diagram::scrub_strip(pane& p, const char* id, const diagram_frame& f, float top) {
  p.axis = {f.plot_x0, top, f.plot_width(), axis_height};
  ImGui::SetCursorScreenPos({f.plot_x0, top});
  ImGui::InvisibleButton((std::string(id) + "_axis").c_str(), {std::max(1.0f, f.plot_width()), axis_height});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Drag to scrub: the Event loop view and the lanes follow");
  if (ImGui::IsItemActive())
    scrub_to_ = std::max(0.0, f.axis.to_t(static_cast<double>(ImGui::GetIO().MousePos.x - f.plot_x0)));
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

void race_diagram::queue_background(pane& p, const diagram_frame& f, const rect& area, bool live, int base) {
  background_params bg;
  bg.area = area;
  bg.plot_x0 = f.plot_x0;
  bg.plot_x1 = f.plot_x1;
  bg.rows_top = f.rows.top;
  bg.row_height = f.rows.height;
  bg.row_count = f.rows.count;
  bg.hovered_row = p.hovered_row >= 0 ? p.hovered_row - base : -1;
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

void race_diagram::lanes(pane& p, const char* id, const trace::recording& rec, float label_w, double playhead,
                         bool live, double reach, ImVec2 avail) {
  ImVec2 origin = ImGui::GetCursorScreenPos();
  diagram_frame f = columns(origin, avail.x, label_w, playhead);
  const int rows = static_cast<int>(row_count(p.digest));
  // Rows are 18-30 px tall: when they do not all fit, the overview strip comes first.
  const bool big = static_cast<float>(rows) * 18.0f > avail.y - axis_height - 2.0f;
  if (big) {
    const rect strip = {f.plot_x0, origin.y + 1.0f, f.plot_width(), overview_height - 4.0f};
    const double jump = overview_strip((std::string(id) + "_overview").c_str(), strip, p.digest.density(),
                                       p.digest.density_span(), axis_, f.plot_width());
    if (jump >= 0.0) {
      axis_.t0 = jump - 0.5 * f.plot_width() / axis_.px_per_s;
      follow_ = false;
    }
    origin.y += overview_height;
    avail.y -= overview_height;
    f.axis = axis_;
  }
  const float lanes_h = std::max(20.0f, avail.y - axis_height - 2.0f);
  const float row_h = layout_rows(0.0f, lanes_h, rows).height;
  p.visible_rows = static_cast<double>(lanes_h / row_h);
  const bool scrolls = static_cast<double>(rows) > p.visible_rows;
  if (scrolls) {  // the scrollbar takes the right edge: the columns move left
    f.finish_x0 -= row_scrollbar_width;
    f.finish_x1 -= row_scrollbar_width;
    f.plot_x1 -= row_scrollbar_width;
  }
  axis_strip(f, origin.y, live);
  scrub_strip(p, id, f, origin.y);

  ImGui::SetCursorScreenPos({origin.x, origin.y + axis_height + 2.0f});
  ImGui::BeginChild(id, {avail.x, lanes_h}, false, ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
  const rect visible = {ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, avail.x, lanes_h};
  // Virtual rows: only those in view are laid out, from `base` (row numbers, not pixels, scroll).
  int base = 0;
  const auto place_rows = [&] {
    p.scroll.clamp(rows, p.visible_rows);
    base = p.scroll.base();
    const int in_view = std::min(rows - base, static_cast<int>(std::ceil(p.visible_rows)) + 3);
    f.rows = {visible.y - static_cast<float>(p.scroll.first - base) * row_h, row_h, std::max(0, in_view)};
  };
  place_rows();
  const float button_w = scrolls ? avail.x - row_scrollbar_width : avail.x;
  p.plot = {f.plot_x0, visible.y, f.plot_width(), lanes_h};

  // One invisible button under everything: it owns the wheel, the drag and the hover.
  ImGui::InvisibleButton("plot", {button_w, lanes_h});
  const bool hovered = ImGui::IsItemHovered();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const int under = hovered ? f.rows.row_at(mouse.y) : -1;
  p.hovered_row = under >= 0 ? base + under : -1;
  p.hovered_task = p.hovered_row >= 0 && p.hovered_row < static_cast<int>(p.digest.order().size())
                       ? rec.lanes()[p.digest.order()[static_cast<std::size_t>(p.hovered_row)].lane].id
                       : no_task;
  interact(p, f, reach);
  f.axis = axis_;
  row_scrollbar("rows", {visible.x + button_w, visible.y, row_scrollbar_width, lanes_h}, p.scroll, rows,
                p.visible_rows);
  place_rows();  // the wheel or the scrollbar may have moved them

  queue_background(p, f, visible, live, base);
  paint_rows(p, f, rec, base, visible);
  if (live)
    ImGui::GetWindowDrawList()->AddLine({f.x_of(f.playhead), visible.y}, {f.x_of(f.playhead), visible.bottom()},
                                        palette::playhead);
  const int task_rows = static_cast<int>(p.digest.order().size());
  if (hovered && mouse.x >= f.plot_x0 && mouse.x <= f.plot_x1 &&
      !ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    if (p.hovered_row >= task_rows) {
      pool_tooltip(f, rec, p.digest.pools()[static_cast<std::size_t>(p.hovered_row - task_rows)], mouse.x);
    } else {
      const auto& order = p.digest.order();
      const trace::task_lane* lane =
          p.hovered_row >= 0 ? &rec.lanes()[order[static_cast<std::size_t>(p.hovered_row)].lane] : nullptr;
      lane_tooltip(f, rec, lane, mouse.x);
    }
  }
  ImGui::EndChild();
}

// The rows in view: task lanes, then pool lanes; `f.rows` counts from row `base`.
void race_diagram::paint_rows(pane& p, const diagram_frame& f, const trace::recording& rec, int base,
                              const rect& visible) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const std::vector<lane_row>& order = p.digest.order();
  const std::vector<pool_lane>& pools = p.digest.pools();
  const int task_rows = static_cast<int>(order.size());
  for (int local = 0; local < f.rows.count; ++local) {
    const int row = base + local;
    const std::size_t i = static_cast<std::size_t>(row);
    if (row >= task_rows) {  // pool lanes, below the tasks
      const pool_lane& pool = pools[i - order.size()];
      paint_pool_label(dl, f, pool, local);
      paint_pool_lane(dl, f, rec, pool, local);
      paint_pool_count(dl, f, pool, local);
      continue;
    }
    const trace::task_lane& lane = rec.lanes()[order[i].lane];
    paint_label(dl, f, lane, order[i], local);
    paint_lane(dl, f, rec, lane, local);
    paint_rank(dl, f, lane, local);
  }
  paint_linked(p, f, rec, base, visible);
  if (p.marked_row >= base && p.marked_row < base + f.rows.count) {  // where Find went
    const int local = p.marked_row - base;
    dl->AddRect({visible.x + 1.0f, f.rows.row_top(local)}, {visible.right() - 1.0f, f.rows.row_top(local + 1)},
                palette::accent, 2.0f, 0, 1.5f);
  }
  {  // over the task lanes: while the loop is blocked, nothing on them can run (workers still can)
    diagram_frame tasks_only = f;
    tasks_only.rows.count = std::clamp(task_rows - base, 0, f.rows.count);
    paint_blocked(dl, tasks_only, rec);
  }
  if (!pools.empty() && task_rows > base && task_rows < base + f.rows.count) {  // the pools' rows start here
    const float y = std::floor(f.rows.row_top(task_rows - base)) + 0.5f;
    dl->AddLine({visible.x, y}, {visible.right(), y}, IM_COL32(120, 128, 142, 200), 1.0f);
  }
}

// The task rows in view, remembered for automation; in the selected run's diagram those of the
// tasks running the function at the editor's cursor line get a tint and a bar at the left edge.
void race_diagram::paint_linked(pane& p, const diagram_frame& f, const trace::recording& rec, int base,
                                const rect& visible) {
  p.drawn.clear();
  const std::vector<lane_row>& order = p.digest.order();
  const bool selected_run = &p == &panes_[0];
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int local = 0; local < f.rows.count; ++local) {
    const std::size_t i = static_cast<std::size_t>(base + local);
    if (i >= order.size()) break;
    const task_id id = rec.lanes()[order[i].lane].id;
    const rect row = {visible.x, f.rows.row_top(local), visible.w, f.rows.height};
    p.drawn.push_back({id, row});
    if (!selected_run || !std::binary_search(linked_.begin(), linked_.end(), id)) continue;
    ImVec4 tint = ImGui::ColorConvertU32ToFloat4(palette::accent);
    tint.w = 0.16f;
    dl->AddRectFilled({row.x, row.y}, {row.right(), row.bottom()}, ImGui::ColorConvertFloat4ToU32(tint));
    dl->AddRectFilled({row.x, row.y + 1.0f}, {row.x + 4.0f, row.bottom() - 1.0f}, palette::accent);
  }
}

void race_diagram::interact(pane& p, const diagram_frame& f, double reach) {
  const ImGuiIO& io = ImGui::GetIO();
  const bool hovered = ImGui::IsItemHovered();
  const float mouse_x = io.MousePos.x - f.plot_x0;
  if (hovered && io.MouseWheel != 0.0f) {
    if (io.KeyShift) {
      p.scroll.first -= static_cast<double>(io.MouseWheel) * 2.0;
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
