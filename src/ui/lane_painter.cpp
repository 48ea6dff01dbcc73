#include "lane_painter.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "fonts.hpp"
#include "theme.hpp"
#include "timeline_cull.hpp"

namespace asyncrace::ui {
namespace {

constexpr const char* dot = " \xc2\xb7 ";

ImU32 wait_color(wait_kind k) {
  switch (k) {
    case wait_kind::sleep: return palette::sleep;
    case wait_kind::yield: return palette::yielding;
    case wait_kind::task:
    case wait_kind::gather: return palette::awaiting;
    case wait_kind::future: break;
  }
  return palette::future;
}

// The words drawn inside a wait bar when it is wide enough.
std::string wait_caption(const trace::recording& rec, const trace::wait_span& w) {
  char buf[96];
  switch (w.on.kind) {
    case wait_kind::sleep:
      std::snprintf(buf, sizeof buf, "sleep %s s", format_seconds(w.on.deadline - w.begin).c_str());
      break;
    case wait_kind::yield: std::snprintf(buf, sizeof buf, "sleep(0)"); break;
    case wait_kind::gather: std::snprintf(buf, sizeof buf, "gather(%u)", w.on.count); break;
    case wait_kind::task: {
      const trace::task_lane* t = rec.lane(w.on.target);
      std::snprintf(buf, sizeof buf, "await %s", t != nullptr ? t->name.c_str() : "task");
      break;
    }
    case wait_kind::future: std::snprintf(buf, sizeof buf, "await future"); break;
  }
  return buf;
}

float small_size() { return fonts().small->FontSize * ImGui::GetIO().FontGlobalScale; }

// A wait is a pill across the lane with what it waits for written inside, when it fits.
void paint_wait(ImDrawList* dl, const diagram_frame& f, const trace::recording& rec,
                const trace::wait_span& w, float cy) {
  const float h = f.rows.height;
  const double end = std::min(w.end, f.playhead);
  if (end < w.begin) return;
  const float x0 = f.x_of(w.begin);
  const float x1 = std::max(f.x_of(end), x0 + 2.0f);
  const float half = std::floor(h * 0.3f);
  dl->AddRectFilled({x0, cy - half}, {x1, cy + half}, wait_color(w.on.kind), half);
  const std::string caption = wait_caption(rec, w);
  ImFont* font = fonts().small;
  const ImVec2 size = font->CalcTextSizeA(small_size(), 1e9f, 0.0f, caption.c_str());
  const float left = std::max(x0, f.plot_x0) + 8.0f;
  if (std::min(x1, f.plot_x1) - left > size.x + 8.0f)
    dl->AddText(font, small_size(), {left, cy - 0.5f * size.y}, IM_COL32(240, 244, 250, 230),
                caption.c_str());
  if (w.on.kind == wait_kind::sleep) {  // the deadline: where the timer is due
    const float xd = f.x_of(w.on.deadline);
    dl->AddLine({xd, cy - h * 0.42f}, {xd, cy + h * 0.42f}, palette::deadline, 2.0f);
  }
  if (w.end <= f.playhead) dl->AddCircleFilled({f.x_of(w.end), cy}, 3.0f, palette::step);  // woken up
}

// Tracy's level of detail: waits narrower than `fold_px` that follow each other within `fold_gap`
// pixels fold into one block ("1,204 waits" when it fits), so a lane costs at most one mark per few
// pixels however many waits it has (a million sleep(0)s). Waits of one task never overlap, so both
// their begins and ends ascend: the view is found, and each block is skipped over, by binary search.
constexpr float fold_px = 3.0f;
constexpr float fold_gap = 2.0f;

void paint_fold(ImDrawList* dl, const diagram_frame& f, float x0, float x1, std::size_t count, float cy) {
  const float half = std::floor(f.rows.height * 0.3f);
  x1 = std::max(x1, x0 + 3.0f);
  dl->AddRectFilled({x0, cy - half}, {x1, cy + half}, palette::folded, 2.0f);
  for (float x = x0 + 3.0f; x < x1 - 1.0f; x += 5.0f)  // a zigzag edge: these are many, not one
    dl->AddLine({x, cy + half}, {x + 2.5f, cy + half - 3.0f}, palette::folded_edge, 1.0f);
  char caption[48];
  std::snprintf(caption, sizeof caption, "%zu waits", count);
  ImFont* font = fonts().small;
  const ImVec2 size = font->CalcTextSizeA(small_size(), 1e9f, 0.0f, caption);
  const float left = std::max(x0, f.plot_x0) + 5.0f;
  if (std::min(x1, f.plot_x1) - left > size.x + 4.0f)
    dl->AddText(font, small_size(), {left, cy - 0.5f * size.y}, IM_COL32(235, 240, 248, 230), caption);
}

void paint_waits(ImDrawList* dl, const diagram_frame& f, const trace::recording& rec,
                 const std::vector<trace::wait_span>& waits, float cy) {
  const double t_right = std::min(f.axis.to_t(f.plot_width() + 8.0), f.playhead);
  auto w = std::partition_point(waits.begin(), waits.end(),
                                [&](const trace::wait_span& s) { return s.end < f.axis.to_t(-8.0); });
  while (w != waits.end() && w->begin <= t_right) {
    const float x0 = f.x_of(w->begin);
    const float x1 = f.x_of(std::min(w->end, f.playhead));
    if (x1 - x0 >= fold_px) {
      paint_wait(dl, f, rec, *w, cy);
      ++w;
      continue;
    }
    // A block: every wait that begins before its right edge plus the gap, as long as that pulls
    // more in. Only the last one taken can be wide (the others begin within the block, and waits
    // never overlap): a wide one is left to be drawn on its own.
    const auto end_x = [&](const trace::wait_span& s) { return f.x_of(std::min(s.end, f.playhead)); };
    const auto from = w;
    float right = x1;
    for (;;) {
      const double reach = f.axis.to_t(right + fold_gap - f.plot_x0);
      auto next = std::partition_point(w, waits.end(), [&](const trace::wait_span& s) { return s.begin <= reach; });
      if (next != w && end_x(*std::prev(next)) - f.x_of(std::prev(next)->begin) >= fold_px) --next;
      if (next == w) break;
      right = std::max(right, end_x(*std::prev(next)));
      w = next;
    }
    const auto count = static_cast<std::size_t>(w - from);
    if (count == 1)
      paint_wait(dl, f, rec, *from, cy);
    else
      paint_fold(dl, f, x0, right, count, cy);
  }
}

void paint_steps(ImDrawList* dl, const diagram_frame& f, const trace::task_lane& lane, float cy) {
  const float half = std::floor(f.rows.height * 0.38f);
  for (const pixel_run& run : fold_instants(lane.steps, f.axis, f.plot_width())) {
    const float x0 = f.plot_x0 + run.x0 - 1.5f;
    const float x1 = f.plot_x0 + run.x1 + 1.5f;
    dl->AddRectFilled({x0, cy - half}, {x1, cy + half}, palette::step, 1.0f);
  }
}

// The raise mark (raise_marks.hpp): a task that raised ends in a cross, where a result or a
// cancellation ends in a diamond.
void paint_raise_mark(ImDrawList* dl, float x, float cy, float r) {
  const float k = r + 1.0f;
  dl->AddCircleFilled({x, cy}, k + 1.5f, palette::page, 16);
  dl->AddLine({x - k, cy - k}, {x + k, cy + k}, palette::failed, 3.0f);
  dl->AddLine({x - k, cy + k}, {x + k, cy - k}, palette::failed, 3.0f);
}

void paint_finish(ImDrawList* dl, const diagram_frame& f, const trace::task_lane& lane, float cy) {
  if (!lane.done() || lane.finished > f.playhead) return;
  const float x = f.x_of(lane.finished);
  const float r = std::min(6.0f, f.rows.height * 0.3f);
  const ImU32 color = lane.outcome == task_outcome::result ? palette::finish : palette::failed;
  if (lane.outcome == task_outcome::exception)
    paint_raise_mark(dl, x, cy, r);
  else
    dl->AddQuadFilled({x, cy - r}, {x + r, cy}, {x, cy + r}, {x - r, cy}, color);
  char rank[16];
  std::snprintf(rank, sizeof rank, "#%d", lane.finish_rank);
  ImFont* font = fonts().small;
  const ImVec2 size = font->CalcTextSizeA(small_size(), 1e9f, 0.0f, rank);
  if (x + r + 4.0f + size.x <= f.plot_x1)  // else the rank column says it
    dl->AddText(font, small_size(), {x + r + 4.0f, cy - 0.5f * size.y}, color, rank);
}

}  // namespace

float diagram_frame::x_of(double t) const { return plot_x0 + clamp_to_plot(axis.to_x(t), plot_width()); }

void paint_label(ImDrawList* dl, const diagram_frame& f, const trace::task_lane& lane, const lane_row& row,
                 int index) {
  const float h = ImGui::GetTextLineHeight();
  const float y = f.rows.row_center(index) - 0.5f * h;
  float x = f.label_x0 + 12.0f * static_cast<float>(row.depth);
  dl->PushClipRect({f.label_x0, f.rows.row_top(index)}, {f.plot_x0 - 8.0f, f.rows.row_top(index + 1)}, true);
  const std::string& coro = lane.coro.empty() ? lane.name : lane.coro;
  const ImU32 color = lane.outcome == task_outcome::result ? palette::text : palette::failed;
  dl->AddText({x, y}, color, coro.c_str());
  if (!lane.first_output.empty()) {
    x += ImGui::CalcTextSize(coro.c_str()).x;
    const std::string rest = dot + lane.first_output;
    dl->AddText({x, y}, palette::text_dim, rest.c_str());
  }
  dl->PopClipRect();
}

void paint_lane(ImDrawList* dl, const diagram_frame& f, const trace::recording& rec,
                const trace::task_lane& lane, int index) {
  const float cy = f.rows.row_center(index);
  dl->PushClipRect({f.plot_x0, f.rows.row_top(index)}, {f.plot_x1, f.rows.row_top(index + 1)}, true);
  if (lane.created <= f.playhead) {
    const double ready_until = std::min(lane.first_step, f.playhead);
    if (ready_until > lane.created)  // created but not yet run: waiting in the ready queue
      dl->AddLine({f.x_of(lane.created), cy}, {f.x_of(ready_until), cy}, palette::text_dim, 1.0f);
    dl->AddCircle({f.x_of(lane.created), cy}, 3.5f, palette::created, 12, 1.5f);
  }
  paint_waits(dl, f, rec, lane.waits, cy);
  paint_steps(dl, f, lane, cy);
  paint_finish(dl, f, lane, cy);
  dl->PopClipRect();
}

void paint_rank(ImDrawList* dl, const diagram_frame& f, const trace::task_lane& lane, int index) {
  const float cy = f.rows.row_center(index);
  const float cx = 0.5f * (f.finish_x0 + f.finish_x1);
  if (!lane.done() || lane.finished > f.playhead) {
    dl->AddText({cx - 4.0f, cy - 0.5f * ImGui::GetTextLineHeight()}, palette::text_dim, "\xe2\x80\x93");
    return;
  }
  const bool ok = lane.outcome == task_outcome::result;
  const float r = std::min(11.0f, f.rows.height * 0.42f);
  char rank[16];
  std::snprintf(rank, sizeof rank, "%d", lane.finish_rank);
  ImFont* font = fonts().small;
  const ImVec2 text = font->CalcTextSizeA(small_size(), 1e9f, 0.0f, rank);
  // A badge: round for short ranks, a pill as wide as the number for long ones (rank 79191).
  const float half_w = std::max(r, 0.5f * text.x + 4.0f);
  dl->AddRectFilled({cx - half_w, cy - r}, {cx + half_w, cy + r}, ok ? palette::finish : palette::failed, r);
  dl->AddText(font, small_size(), {cx - 0.5f * text.x, cy - 0.5f * text.y}, IM_COL32(30, 24, 8, 255), rank);
}

void paint_blocked(ImDrawList* dl, const diagram_frame& f, const trace::recording& rec) {
  const float top = f.rows.top;
  const float bottom = f.rows.top + f.rows.total();
  dl->PushClipRect({f.plot_x0, top}, {f.plot_x1, bottom}, true);
  for (const trace::blocked_span& b : rec.blocked()) {
    if (b.begin > f.playhead) continue;
    const float x0 = f.x_of(b.begin);
    const float x1 = std::max(f.x_of(std::min(b.end, f.playhead)), x0 + 2.0f);
    dl->AddRectFilled({x0, top}, {x1, bottom}, palette::blocked);
    dl->AddLine({x0, top}, {x0, bottom}, palette::blocked_edge, 1.5f);
    dl->AddLine({x1, top}, {x1, bottom}, palette::blocked_edge, 1.5f);
  }
  dl->PopClipRect();
}

namespace {

std::string time_range(double begin, double end) {
  char buf[96];
  if (end == trace::never)
    std::snprintf(buf, sizeof buf, "%.6f \xe2\x86\x92 (still waiting)", begin);
  else
    std::snprintf(buf, sizeof buf, "%.6f \xe2\x86\x92 %.6f  (%.6f s)", begin, end, end - begin);
  return buf;
}

void lane_summary(const trace::task_lane& lane) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette::accent);
  ImGui::Text("%s  %s", lane.name.c_str(), lane.coro.c_str());
  ImGui::PopStyleColor();
  if (!lane.first_output.empty()) ImGui::Text("first output  \"%s\"", lane.first_output.c_str());
  ImGui::Text("created       %.6f", lane.created);
  if (lane.first_step != trace::never) ImGui::Text("first step    %.6f", lane.first_step);
  if (lane.done()) ImGui::Text("finished      %.6f   rank #%d", lane.finished, lane.finish_rank);
}

// The wait under x (within a few pixels), or null.
const trace::wait_span* wait_at(const diagram_frame& f, const trace::task_lane& lane, float x) {
  // Ends ascend: skip, by binary search, the waits that end left of the mouse.
  const double t_left = f.axis.to_t(x - f.plot_x0 - 6.0);
  const auto first = std::partition_point(lane.waits.begin(), lane.waits.end(),
                                          [&](const trace::wait_span& s) { return s.end < t_left; });
  for (auto it = first; it != lane.waits.end(); ++it) {
    const trace::wait_span& w = *it;
    if (f.x_of(w.begin) - 3.0f > x) break;
    const float x0 = f.x_of(w.begin) - 3.0f;
    const float x1 = std::max(f.x_of(std::min(w.end, f.playhead)), f.x_of(w.begin) + 2.0f) + 3.0f;
    if (x >= x0 && x <= x1 && w.begin <= f.playhead) return &w;
  }
  return nullptr;
}

void wait_details(const trace::recording& rec, const trace::wait_span& w) {
  ImGui::Separator();
  ImGui::Text("%s", wait_caption(rec, w).c_str());
  ImGui::Text("waiting  %s", time_range(w.begin, w.end).c_str());
  if (w.on.kind == wait_kind::sleep) ImGui::Text("deadline %.6f", w.on.deadline);
}

}  // namespace

void lane_tooltip(const diagram_frame& f, const trace::recording& rec, const trace::task_lane* lane,
                  float x) {
  const double t = f.axis.to_t(x - f.plot_x0);
  const trace::blocked_span* blocked = nullptr;
  for (const trace::blocked_span& b : rec.blocked())
    if (t >= b.begin && t <= b.end) blocked = &b;
  const trace::wait_span* wait = lane != nullptr ? wait_at(f, *lane, x) : nullptr;
  ImGui::BeginTooltip();
  ImGui::Text("t = %.6f s", t);
  if (lane != nullptr) {
    ImGui::Separator();
    lane_summary(*lane);
    if (wait != nullptr) wait_details(rec, *wait);
  }
  if (blocked != nullptr) {
    const trace::task_lane* by = rec.lane(blocked->by);
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, palette::error);
    ImGui::Text("event loop blocked by %s", by != nullptr ? by->name.c_str() : "?");
    ImGui::PopStyleColor();
    ImGui::Text("%s", time_range(blocked->begin, blocked->end).c_str());
  }
  ImGui::EndTooltip();
}

void paint_pool_label(ImDrawList* dl, const diagram_frame& f, const pool_lane& lane, int index) {
  const float y = f.rows.row_center(index) - 0.5f * ImGui::GetTextLineHeight();
  dl->PushClipRect({f.label_x0, f.rows.row_top(index)}, {f.plot_x0 - 8.0f, f.rows.row_top(index + 1)}, true);
  // A small worker glyph (a square) sets the pool rows apart from the task tree above.
  const float cy = f.rows.row_center(index);
  dl->AddRectFilled({f.label_x0 + 1.0f, cy - 4.0f}, {f.label_x0 + 9.0f, cy + 4.0f}, palette::pool_job, 1.5f);
  float x = f.label_x0 + 14.0f;
  dl->AddText({x, y}, palette::text, lane.label.c_str());
  if (!lane.names.empty()) {
    x += ImGui::CalcTextSize(lane.label.c_str()).x;
    dl->AddText({x, y}, palette::text_dim, (dot + lane.names).c_str());
  }
  dl->PopClipRect();
}

void paint_pool_lane(ImDrawList* dl, const diagram_frame& f, const trace::recording& rec, const pool_lane& lane,
                     int index) {
  const float cy = f.rows.row_center(index);
  const float h = f.rows.height;
  const float half = std::floor(h * 0.3f);
  const auto& jobs = rec.jobs();
  dl->PushClipRect({f.plot_x0, f.rows.row_top(index)}, {f.plot_x1, f.rows.row_top(index + 1)}, true);
  const std::vector<job_bar> bars = job_bars(lane, jobs, f.axis, f.plot_width(), f.playhead);
  // Queue waits first (bars paint over them): a thin hatched band from queued to start.
  for (const job_bar& b : bars) {
    if (b.x0 - b.queued < 1.0f) continue;
    const float q0 = f.plot_x0 + b.queued;
    const float q1 = f.plot_x0 + b.x0;
    dl->AddLine({q0, cy}, {q1, cy}, palette::queued, 1.0f);
    dl->AddLine({q0, cy - 3.0f}, {q0, cy + 3.0f}, palette::queued, 1.0f);  // where it was submitted
    const float from = std::max(q0, f.plot_x0 - 8.0f);
    const float to = std::min(q1, f.plot_x1 + 8.0f);
    for (float x = from + 3.0f; x + 3.0f <= to; x += 6.0f)
      dl->AddLine({x - 2.0f, cy + 2.5f}, {x + 2.0f, cy - 2.5f}, palette::queued, 1.0f);
  }
  ImFont* font = fonts().small;
  for (const job_bar& b : bars) {
    const float x0 = f.plot_x0 + b.x0;
    const float x1 = std::max(f.plot_x0 + b.x1, x0 + 2.0f);
    const float bar_x1 = x1 - x0 > 6.0f ? x1 - 1.0f : x1;  // back-to-back jobs stay apart
    const ImU32 fill = b.count > 1 ? palette::queued : palette::pool_job;
    dl->AddRectFilled({x0, cy - half}, {bar_x1, cy + half}, fill, 2.0f);
    const std::string& what = jobs[b.job].what;
    const char* caption = b.count > 1 ? nullptr : what.c_str();
    char folded[32];
    if (b.count > 1) {
      std::snprintf(folded, sizeof folded, "%d jobs", b.count);
      caption = folded;
    }
    const ImVec2 size = font->CalcTextSizeA(small_size(), 1e9f, 0.0f, caption);
    const float left = std::max(x0, f.plot_x0) + 5.0f;
    if (std::min(x1, f.plot_x1) - left > size.x + 4.0f)
      dl->AddText(font, small_size(), {left, cy - 0.5f * size.y}, IM_COL32(30, 22, 12, 255), caption);
    if (b.returned) {  // the hand-back: the result goes to the awaiting task on the loop
      const float r = std::min(5.0f, h * 0.25f);
      dl->AddTriangleFilled({x1 - r, cy - half - 1.0f}, {x1 + r, cy - half - 1.0f}, {x1, cy - half - 1.0f - r},
                            palette::awaiting);
      dl->AddLine({x1, cy - half - 1.0f}, {x1, cy + half}, palette::awaiting, 1.5f);
    }
  }
  dl->PopClipRect();
}

void paint_pool_count(ImDrawList* dl, const diagram_frame& f, const pool_lane& lane, int index) {
  char text[24];
  std::snprintf(text, sizeof text, "\xc3\x97%zu", lane.jobs.size());
  ImFont* font = fonts().small;
  const ImVec2 size = font->CalcTextSizeA(small_size(), 1e9f, 0.0f, text);
  dl->AddText(font, small_size(), {0.5f * (f.finish_x0 + f.finish_x1 - size.x), f.rows.row_center(index) - 0.5f * size.y},
              palette::text_dim, text);
}

void pool_tooltip(const diagram_frame& f, const trace::recording& rec, const pool_lane& lane, float x) {
  const auto& jobs = rec.jobs();
  const long at = job_at(lane, jobs, f.axis, x - f.plot_x0, f.playhead);
  ImGui::BeginTooltip();
  ImGui::Text("t = %.6f s", f.axis.to_t(x - f.plot_x0));
  ImGui::Separator();
  ImGui::PushStyleColor(ImGuiCol_Text, palette::accent);
  ImGui::Text("%s", lane.label.c_str());
  ImGui::PopStyleColor();
  ImGui::Text("%zu job%s: %s", lane.jobs.size(), lane.jobs.size() == 1 ? "" : "s", lane.names.c_str());
  if (at >= 0) {
    const trace::pool_job& j = jobs[static_cast<std::size_t>(at)];
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, palette::pool_job);
    ImGui::Text("%s()", j.what.c_str());
    ImGui::PopStyleColor();
    ImGui::Text("queued    %.6f", j.queued);
    ImGui::Text("start     %.6f   (waited %s s)", j.start, format_seconds(j.start - j.queued).c_str());
    if (j.end <= f.playhead)
      ImGui::Text("end       %.6f   (ran %s s)", j.end, format_seconds(j.end - j.start).c_str());
    else
      ImGui::Text("end       (still running)");
    const trace::task_lane* task = rec.lane(j.for_task);
    if (task != nullptr)
      ImGui::Text("result to %s  %s", task->name.c_str(), task->coro.c_str());
  }
  ImGui::EndTooltip();
}

}  // namespace asyncrace::ui
