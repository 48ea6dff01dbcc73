#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app_state.hpp"
#include "compare_combo.hpp"
#include "diagram_header.hpp"
#include "finish_summary.hpp"
#include "legend.hpp"
#include "overlay_window.hpp"
#include "race_diagram.hpp"
#include "theme.hpp"
#include "tutorials/session.hpp"

namespace asyncrace::ui {
namespace {

// The finish-order summary ("10  12  30 …") that fits in `max_width` px: the last word of each
// finisher's first printed line, empty unless informative (two or more, all distinct) and unless
// at least one fits.
std::string finish_summary(const std::vector<std::string>& tokens, float max_width) {
  if (!informative(tokens)) return std::string();
  return fit_summary(tokens, max_width, [](std::string_view text) {
    return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
  });
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

}  // namespace

namespace detail {

// The summary with its caption at the right end of the current line, from the cursor (after the
// last item, `gap` px apart) to `right` (window coordinates): nothing if it does not fit.
void finish_order_item(const std::vector<std::string>& tokens, float right, float gap) {
  const char* caption = "finish order  ";
  const float caption_w = ImGui::CalcTextSize(caption).x;
  ImGui::SameLine(0.0f, gap);
  const float left = ImGui::GetCursorPosX();
  const std::string order = finish_summary(tokens, right - left - caption_w);
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
void run_title(const tutorials::session& run, const run_digest& digest, bool running, bool compared, float width) {
  const float x0 = ImGui::GetCursorPosX();
  ImGui::PushStyleColor(ImGuiCol_Text, compared ? palette::finish : palette::accent);
  ImGui::TextUnformatted(run_name(run).c_str());
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
  finish_order_item(digest.finish_tokens(), x0 + width);
}

}  // namespace detail

using detail::finish_order_item;
using detail::row_count;

void race_diagram::header(app_state& app) {
  if (ImGui::SmallButton("Fit")) {
    follow_ = true;
    fit_requested_ = true;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Show the whole run (double-click the diagram does the same)");
  predict_and_stats_buttons(app);
  // The Event loop view under the diagram (runs then record the loop's state per iteration).
  same_line_if_fits(ImGui::CalcTextSize("Event loop").x + 2.0f * ImGui::GetStyle().FramePadding.x);
  const bool loop_on = app.wants_loop_states();
  if (loop_on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  if (ImGui::SmallButton("Event loop")) app.want_loop_states(!loop_on);
  if (loop_on) ImGui::PopStyleColor();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("The loop's ready queue and timer heap, stepped with Space, \xe2\x86\x90 / \xe2\x86\x92 (L)");
  const std::string zoom = zoom_readout(axis_.px_per_s);
  same_line_if_fits(ImGui::CalcTextSize(zoom.c_str()).x);
  ImGui::PushStyleColor(ImGuiCol_Text, palette::text_dim);
  ImGui::TextUnformatted(zoom.c_str());
  ImGui::PopStyleColor();
  // On a phone Export wraps to the next line rather than run past the edge.
  same_line_if_fits(ImGui::CalcTextSize("Export\xe2\x80\xa6").x + 2.0f * ImGui::GetStyle().FramePadding.x, 18.0f);
  // Export before Compare: on a narrow screen the combo may run past the edge, the button must not.
  exports_.draw(app);
  ImGui::SameLine(0.0f, 18.0f);
  draw_compare_combo(app);
  const tutorials::session* run = app.session();
  if (run != nullptr) {
    ImGui::SameLine(0.0f, 18.0f);
    if (const int row = draw_find_box(find_, panes_[0].digest); row >= 0) show_row(row);
  }
  // Comparing, each diagram's title carries its own finish order.
  if (run != nullptr && app.compare_session() == nullptr)
    finish_order_item(panes_[0].digest.finish_tokens(), ImGui::GetWindowContentRegionMax().x);
}

bool race_diagram::show_row(int row) {
  pane& p = panes_[0];
  const std::vector<lane_row>& order = p.digest.order();
  if (row < 0 || static_cast<std::size_t>(row) >= row_count(p.digest)) return false;
  p.scroll.center_on(row, static_cast<int>(row_count(p.digest)), std::max(1.0, p.visible_rows));
  p.marked_row = row;
  if (static_cast<std::size_t>(row) >= order.size() || p.plot.w <= 0.0f) return true;
  // Keep the zoom when the task's life fits in view, else show all of it.
  const trace::recording* rec = p.digest.recording();
  if (rec == nullptr) return true;
  const trace::task_lane& lane = rec->lanes()[order[static_cast<std::size_t>(row)].lane];
  const double end = lane.done() ? lane.finished : std::max(lane.created, rec->end_time());
  if ((end - lane.created) * axis_.px_per_s > 0.9 * p.plot.w)
    axis_ = fit(lane.created, end, p.plot.w);
  else if (axis_.to_x(lane.created) < 0.0 || axis_.to_x(end) > p.plot.w)
    axis_.t0 = 0.5 * (lane.created + end) - 0.5 * p.plot.w / axis_.px_per_s;
  follow_ = false;
  return true;
}

}  // namespace asyncrace::ui
