#include "export_menu.hpp"

#include <imgui.h>

#include "app_state.hpp"
#include "page_bridge.hpp"
#include "theme.hpp"

namespace asyncrace::ui {
namespace {

rect last_item() {
  const ImVec2 a = ImGui::GetItemRectMin();
  const ImVec2 b = ImGui::GetItemRectMax();
  return {a.x, a.y, b.x - a.x, b.y - a.y};
}

}  // namespace

bool export_menu::download(const app_state& app, export_kind kind) {
  const std::optional<export_file> file = export_run(app, kind, current_theme() == theme_kind::light);
  if (!file) return false;
  note_ = page::offer_download(file->name, file->mime, file->content);
  return true;
}

void export_menu::draw(app_state& app) {
  const std::string problem = export_problem(app);
  ImGui::BeginDisabled(!problem.empty());
  if (ImGui::SmallButton("Export\xe2\x80\xa6")) ImGui::OpenPopup("##export");
  ImGui::EndDisabled();
  button_ = last_item();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s", problem.empty() ? "Download this run: a trace for Perfetto, the transcript, the diagram as SVG"
                                            : problem.c_str());
  for (rect& r : items_) r = {};
  if (!ImGui::BeginPopup("##export")) return;
  for (export_kind k : all_exports) {
    const std::string label(export_label(k));
    if (ImGui::Selectable(label.c_str())) download(app, k);
    items_[static_cast<int>(k)] = last_item();
  }
  if (!note_.empty()) {
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, palette::text_dim);
    ImGui::TextUnformatted(note_.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::EndPopup();
}

}  // namespace asyncrace::ui
