#include "predict_view.hpp"

#include <imgui.h>

#include "app_state.hpp"
#include "overlay_window.hpp"
#include "panel.hpp"
#include "theme.hpp"

namespace asyncrace::ui {
namespace {

// The shown run's tie policy and jitter, or the settings' when nothing has run.
tutorials::run_options run_options_of(const app_state& app) {
  if (const tutorials::session* run = app.session()) return run->options();
  tutorials::run_options o;
  o.ties = app.settings.ties;
  o.jitter_us = app.settings.jitter_us;
  return o;
}

}  // namespace

bool predict_view::open(const app_state& app) {
  open_ = true;
  problem_.clear();
  const std::string slug(app.selection_slug());
  // Keep a guess in progress for the same program; a new program starts afresh.
  if (slug == slug_ && !prediction_.empty()) {
    if (prediction_.locked()) prediction_.start(prediction_.guess());
    return true;
  }
  std::vector<predicted_task> tasks;
  if (const tutorials::session* run = app.session(); run != nullptr && run->finished()) {
    tasks = prediction_candidates(run->trace());
  } else if (app.selected() != nullptr && !app.interprets()) {
    tutorials::session quiet(*app.selected(), run_options_of(app));  // only to learn the tasks
    quiet.run_to_end();
    tasks = prediction_candidates(quiet.trace());
  }
  slug_ = slug;
  selected_ = -1;
  prediction_.start(std::move(tasks));
  if (prediction_.guess().size() < 2) {
    problem_ = app.interprets() && app.session() == nullptr
                   ? "Run your program once, so its tasks are known; then predict the next run."
                   : "This program has fewer than two tasks that finish: nothing to put in order.";
    return false;
  }
  return true;
}

void predict_view::run(app_state& app) {
  if (prediction_.empty()) return;
  prediction_.lock();
  app.run();
}

prediction_result predict_view::result(const app_state& app) const {
  const tutorials::session* run = app.session();
  if (run == nullptr || !prediction_.locked()) return {};
  const tutorials::run_options& o = run->options();
  return compare(prediction_, run->trace(), app.playhead(), o.ties, o.jitter_us);
}

// The guess as a list: drag a task onto another place, or select it and press Alt+Up / Alt+Down.
void predict_view::guess_list() {
  const auto& tasks = prediction_.guess();
  rows.clear();
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    const std::string row = std::to_string(i + 1) + ".  " + tasks[i].label +
                            (tasks[i].label != tasks[i].name ? "   (" + tasks[i].name + ")" : std::string());
    if (ImGui::Selectable(row.c_str(), selected_ == static_cast<int>(i))) selected_ = static_cast<int>(i);
    rows.push_back(last_item_rect());
    if (ImGui::BeginDragDropSource()) {
      const int from = static_cast<int>(i);
      ImGui::SetDragDropPayload("asyncrace-task", &from, sizeof from);
      ImGui::TextUnformatted(tasks[i].label.c_str());
      ImGui::EndDragDropSource();
    }
    if (ImGui::BeginDragDropTarget()) {
      if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload("asyncrace-task")) {
        const int from = *static_cast<const int*>(p->Data);
        if (prediction_.move(static_cast<std::size_t>(from), i)) selected_ = static_cast<int>(i);
      }
      ImGui::EndDragDropTarget();
    }
    ImGui::PopID();
  }
  const ImGuiIO& io = ImGui::GetIO();
  if (selected_ >= 0 && io.KeyAlt && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
    const int delta = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)) ? -1 : ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) ? 1 : 0;
    if (delta != 0 && prediction_.nudge(static_cast<std::size_t>(selected_), delta)) selected_ += delta;
  }
}

void predict_view::comparison(app_state& app) {
  const prediction_result r = result(app);
  ImGui::Text("%zu of %zu right", r.hits, r.places.size());
  if (r.finished < r.places.size()) {
    ImGui::SameLine();
    caption(app.running() ? "(watching: the real order fills in as tasks finish)" : "");
  }
  if (ImGui::BeginTable("##compare", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn("place");
    ImGui::TableSetupColumn("your guess");
    ImGui::TableSetupColumn("real order", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < r.places.size(); ++i) {
      const compared_place& p = r.places[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%zu", i + 1);
      ImGui::TableNextColumn();
      ImGui::PushStyleColor(ImGuiCol_Text, p.hit ? palette::step : p.actual.id == no_task ? palette::text : palette::error);
      ImGui::Text("%s %s", p.hit ? "\xe2\x9c\x93" : p.actual.id == no_task ? " " : "\xc3\x97", p.guessed.label.c_str());
      ImGui::PopStyleColor();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.actual.id == no_task ? "\xe2\x80\xa6" : p.actual.label.c_str());
    }
    ImGui::EndTable();
  }
  bool heading = false;
  ImGui::PushTextWrapPos(0.0f);
  for (const compared_place& p : r.places) {
    if (!p.misplaced) continue;
    if (!heading) ImGui::Spacing(), ImGui::TextUnformatted("Why they differ:");
    heading = true;
    ImGui::PushStyleColor(ImGuiCol_Text, palette::deadline);
    ImGui::Bullet();
    ImGui::TextUnformatted((p.guessed.label + "  \xc2\xb7  " + std::string(trace::to_string(p.why.rule))).c_str());
    ImGui::PopStyleColor();
    ImGui::Indent();
    ImGui::TextUnformatted(p.why.text.c_str());
    ImGui::Unindent();
  }
  ImGui::PopTextWrapPos();
  if (ImGui::Button("Predict again")) open(app);
}

void predict_view::draw(app_state& app, const rect& diagram) {
  rows.clear();
  if (!open_) return;
  if (app.selection_slug() != slug_) open(app);  // another program: its own tasks
  if (begin_overlay("Predict the finish order###predict", diagram, &open_)) {
    ImGui::PushTextWrapPos(0.0f);
    if (!problem_.empty()) {
      ImGui::TextUnformatted(problem_.c_str());
    } else if (!prediction_.locked()) {
      caption("Drag the tasks into the order you expect them to finish (or select one and press Alt+\xe2\x86\x91 / "
              "Alt+\xe2\x86\x93). Then run it and watch.");
      ImGui::PopTextWrapPos();
      if (ImGui::Button("\xe2\x96\xb6 Run and compare")) run(app);
      ImGui::Separator();
      guess_list();
      ImGui::PushTextWrapPos(0.0f);
    } else {
      comparison(app);
    }
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
}

}  // namespace asyncrace::ui
