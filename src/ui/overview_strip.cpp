#include "overview_strip.hpp"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "theme.hpp"

namespace asyncrace::ui {

double overview_strip(const char* id, const rect& area, const std::vector<std::uint32_t>& density, double span,
                      const time_axis& view, float plot_width) {
  if (density.empty() || area.w <= 0.0f || span <= 0.0) return -1.0;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled({area.x, area.y}, {area.right(), area.bottom()}, palette::band_even, 2.0f);
  // Log scale: one step among a million still shows.
  const double peak = std::log1p(static_cast<double>(*std::max_element(density.begin(), density.end())));
  const float bin_w = area.w / static_cast<float>(density.size());
  for (std::size_t i = 0; i < density.size(); ++i) {
    if (density[i] == 0 || peak <= 0.0) continue;
    const float h = std::max(1.0f, static_cast<float>(std::log1p(static_cast<double>(density[i])) / peak) *
                                       (area.h - 2.0f));
    const float x0 = area.x + bin_w * static_cast<float>(i);
    dl->AddRectFilled({x0, area.bottom() - 1.0f - h}, {x0 + std::max(1.0f, bin_w), area.bottom() - 1.0f},
                      palette::step);
  }
  // The stretch in view.
  const auto x_of = [&](double t) {
    return area.x + static_cast<float>(std::clamp(t / span, -0.01, 1.01)) * area.w;
  };
  const float v0 = x_of(view.to_t(0.0));
  const float v1 = std::max(v0 + 2.0f, x_of(view.to_t(plot_width)));
  dl->AddRectFilled({v0, area.y}, {v1, area.bottom()}, IM_COL32(94, 160, 255, 40));
  dl->AddRect({v0, area.y}, {v1, area.bottom()}, palette::accent, 0.0f, 0, 1.0f);

  ImGui::SetCursorScreenPos({area.x, area.y});
  ImGui::InvisibleButton(id, {area.w, area.h});
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Activity of all tasks over the whole run: click or drag to look there");
  if (!ImGui::IsItemActive()) return -1.0;
  return std::clamp(static_cast<double>((ImGui::GetIO().MousePos.x - area.x) / area.w), 0.0, 1.0) * span;
}

}  // namespace asyncrace::ui
