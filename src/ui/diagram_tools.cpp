// The race diagram header's Predict and Statistics buttons: each opens its window over the
// diagram (predict_view, stats_view), one at a time.
#include <imgui.h>

#include "app_state.hpp"
#include "overlay_window.hpp"
#include "race_diagram.hpp"

namespace asyncrace::ui {

// Statistics' runs when opened from the header: the "1,000 jittered runs".
constexpr std::uint32_t header_stats_runs = 1000;

void race_diagram::predict_and_stats_buttons(app_state& app) {
  same_line_if_fits(ImGui::CalcTextSize("Predict").x + 2.0f * ImGui::GetStyle().FramePadding.x);
  if (ImGui::SmallButton("Predict")) {
    stats_.close();
    stats_.stop();
    predict_.open(app);
  }
  predict_.button = last_item_rect();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Guess the order the tasks finish in, then run and compare");
  same_line_if_fits(ImGui::CalcTextSize("Statistics").x + 2.0f * ImGui::GetStyle().FramePadding.x);
  if (ImGui::SmallButton("Statistics")) {
    predict_.close();
    stats_.open(app, header_stats_runs);
  }
  stats_.button = last_item_rect();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Run it for seeds 1..1000 under jitter: each task's finish rank");
}

}  // namespace asyncrace::ui
