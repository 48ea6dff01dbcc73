#include "stats_view.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include <imgui.h>

#include "app_state.hpp"
#include "finish_summary.hpp"
#include "overlay_window.hpp"
#include "panel.hpp"
#include "platform/platform.hpp"
#include "theme.hpp"

namespace asyncrace::ui {
namespace {

// The shown run's finish rank of each task, once it has finished (whatever its policy: its order
// is marked where the jittered runs gave it too).
std::map<task_id, int> own_ranks(const app_state& app) {
  std::map<task_id, int> out;
  const tutorials::session* run = app.session();
  if (run == nullptr || app.running(run) || app.interprets()) return out;
  for (const trace::task_lane& lane : run->trace().lanes())
    if (lane.done()) out[lane.id] = lane.finish_rank;
  return out;
}

ImU32 heat(std::uint32_t count, std::uint32_t most) {
  if (count == 0 || most == 0) return palette::band_even;
  const float f = 0.18f + 0.82f * static_cast<float>(count) / static_cast<float>(most);
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(palette::accent);
  c.w = f;
  return ImGui::ColorConvertFloat4ToU32(c);
}

}  // namespace

bool stats_view::open(const app_state& app, std::uint32_t runs) {
  open_ = true;
  stopped_ = false;
  problem_.clear();
  job_.reset();
  table_ = {};
  runs_input_ = static_cast<int>(std::clamp<std::uint32_t>(runs, 1, tutorials::max_stats_runs));
  if (app.selected() == nullptr || app.interprets()) {
    problem_ = "Statistics run a tutorial's C++ twin: pick a tutorial (an edit or your own program runs once).";
    return false;
  }
  tutorials::run_options o;
  o.ties = tie_policy::jitter;
  o.seed = 1;
  o.jitter_us = app.settings.jitter_us;
  job_ = std::make_unique<tutorials::rank_stats_job>(*app.selected(), o, static_cast<std::uint32_t>(runs_input_));
  table_ = job_->table();
  platform::request_frame();
  return true;
}

void stats_view::stop() { stopped_ = true; }

void stats_view::work(double budget_ms) {
  if (!running()) return;
  const auto start = std::chrono::steady_clock::now();
  // One run at a time until the budget is spent: a frame never waits long for the next.
  while (job_->step(1)) {
    const double spent = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (spent >= budget_ms) break;
  }
  table_ = job_->table();
  std::vector<std::string> tokens;
  for (const auto& row : table_.tasks)
    if (!row.first_line.empty()) tokens.push_back(finish_token(row.first_line));
  tokens_ = informative(tokens);
  if (running()) platform::request_frame();
}

void stats_view::finish() {
  while (running()) work(1e9);
}

std::string stats_view::label(const tutorials::rank_table::task_row& row) const {
  return tokens_ && !row.first_line.empty() ? finish_token(row.first_line) : row.name;
}

std::vector<stats_view::shown_order> stats_view::shown_orders(const app_state& app) const {
  // The tasks that print, when they tell each other apart; else every task by name.
  auto shown = [&](task_id id) {
    for (const auto& row : table_.tasks)
      if (row.id == id) return !tokens_ || !row.first_line.empty();
    return false;
  };
  auto project = [&](const std::vector<task_id>& order) {
    std::vector<std::string> labels;
    for (task_id id : order)
      if (shown(id))
        for (const auto& row : table_.tasks)
          if (row.id == id) labels.push_back(label(row));
    return labels;
  };
  std::vector<shown_order> out;
  for (const auto& o : table_.orders) {
    std::vector<std::string> labels = project(o.tasks);
    auto it = std::find_if(out.begin(), out.end(), [&](const shown_order& s) { return s.labels == labels; });
    if (it == out.end()) out.push_back({std::move(labels), o.count, false});
    else it->count += o.count;
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
  const std::map<task_id, int> mine = own_ranks(app);
  if (!mine.empty()) {
    std::vector<task_id> order(mine.size());
    for (const auto& [id, rank] : mine)
      if (rank >= 1 && static_cast<std::size_t>(rank) <= order.size()) order[static_cast<std::size_t>(rank - 1)] = id;
    const std::vector<std::string> labels = project(order);
    for (shown_order& s : out) s.mine = s.labels == labels;
  }
  return out;
}

void stats_view::controls(const app_state& app) {
  // InputInt draws its - and + buttons inside the width: room for "1000" besides.
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("00000").x + 2.0f * ImGui::GetFrameHeight() + 4.0f * ImGui::GetStyle().FramePadding.x);
  ImGui::InputInt("runs", &runs_input_, 100, 100);
  runs_input_ = std::clamp(runs_input_, 1, static_cast<int>(tutorials::max_stats_runs));
  ImGui::SameLine();
  if (running()) {
    if (ImGui::Button("Stop")) stop();
  } else if (ImGui::Button("Run them")) {
    open(app, static_cast<std::uint32_t>(runs_input_));
  }
  const std::uint32_t wanted = runs_wanted();
  const float progress = wanted == 0 ? 0.0f : static_cast<float>(table_.runs) / static_cast<float>(wanted);
  const std::string what = std::to_string(table_.runs) + " of " + std::to_string(wanted) + " runs" +
                           (running() ? "" : stopped_ && table_.runs < wanted ? " (stopped)" : "");
  ImGui::ProgressBar(progress, {-1.0f, 0.0f}, what.c_str());
  ImGui::PushTextWrapPos(0.0f);
  ImGui::PushStyleColor(ImGuiCol_Text, palette::text_dim);
  ImGui::Text("%s under jitter (%g \xc2\xb5s), seeds 1..%u: each task's finish rank.", table_.slug.c_str(),
              table_.options.jitter_us, wanted);
  ImGui::PopStyleColor();
  if (!table_.error.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette::error), "%s", table_.error.c_str());
  ImGui::PopTextWrapPos();
}

void stats_view::heat_map(const app_state& app) {
  if (table_.tasks.empty()) return;
  const std::size_t ranks = table_.tasks.front().ranks.size();
  std::uint32_t most = 0;
  float label_w = ImGui::CalcTextSize("rank").x;
  for (const auto& row : table_.tasks) {
    for (std::uint32_t n : row.ranks) most = std::max(most, n);
    label_w = std::max(label_w, ImGui::CalcTextSize(label(row).c_str()).x);
  }
  label_w += 8.0f;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float cell = std::clamp((avail - label_w) / static_cast<float>(std::max<std::size_t>(ranks, 1)), 8.0f, 34.0f);
  const float row_h = ImGui::GetTextLineHeight() + 4.0f;
  const std::map<task_id, int> mine = own_ranks(app);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  for (std::size_t r = 0; r < ranks; ++r) {  // column heads: ranks (every other when narrow)
    if (cell < 18.0f && r % 2 == 1) continue;
    const std::string head = std::to_string(r + 1);
    dl->AddText({origin.x + label_w + cell * static_cast<float>(r) + 2.0f, origin.y}, palette::text_dim, head.c_str());
  }
  dl->AddText({origin.x, origin.y}, palette::text_dim, "rank");
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (std::size_t i = 0; i < table_.tasks.size(); ++i) {
    const auto& row = table_.tasks[i];
    const float y = origin.y + row_h * static_cast<float>(i + 1);
    dl->AddText({origin.x, y + 2.0f}, palette::text, label(row).c_str());
    for (std::size_t r = 0; r < row.ranks.size(); ++r) {
      const ImVec2 a{origin.x + label_w + cell * static_cast<float>(r), y};
      const ImVec2 b{a.x + cell - 1.0f, y + row_h - 1.0f};
      dl->AddRectFilled(a, b, heat(row.ranks[r], most));
      if (auto it = mine.find(row.id); it != mine.end() && static_cast<std::size_t>(it->second) == r + 1)
        dl->AddRect(a, b, palette::deadline, 0.0f, 0, 2.0f);
      if (ImGui::IsWindowHovered() && mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y)
        ImGui::SetTooltip("%s (%s): finished %zu%s in %u of %u runs", label(row).c_str(), row.name.c_str(), r + 1,
                          r == 0 ? "st" : r == 1 ? "nd" : r == 2 ? "rd" : "th", row.ranks[r], table_.runs);
    }
  }
  ImGui::Dummy({label_w + cell * static_cast<float>(ranks), row_h * static_cast<float>(table_.tasks.size() + 1)});
  if (!mine.empty()) {
    dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float s = ImGui::GetTextLineHeight();
    dl->AddRect({p.x, p.y + 2.0f}, {p.x + s, p.y + s}, palette::deadline, 0.0f, 0, 2.0f);
    ImGui::SetCursorScreenPos({p.x + s + 6.0f, p.y});
    const tutorials::run_options& o = app.session()->options();
    const std::string what = "the shown run's ranks (" + std::string(to_string(o.ties)) +
                             (o.ties == tie_policy::jitter ? ", seed " + std::to_string(o.seed) : std::string()) + ")";
    caption(what.c_str());
  }
}

void stats_view::orders(const app_state& app) {
  const std::vector<shown_order> all = shown_orders(app);
  if (all.empty()) return;
  ImGui::Spacing();
  ImGui::Text("Most frequent finish orders (%zu distinct)", all.size());
  ImGui::PushTextWrapPos(0.0f);  // a phone wraps an order rather than scroll sideways
  for (std::size_t i = 0; i < all.size() && i < 10; ++i) {
    std::string line = std::to_string(all[i].count) + "\xc3\x97  ";
    for (const std::string& l : all[i].labels) line += l + "  ";
    if (all[i].mine) line += "\xe2\x86\x90 the shown run";
    ImGui::PushStyleColor(ImGuiCol_Text, all[i].mine ? palette::deadline : palette::text);
    ImGui::TextUnformatted(line.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::PopTextWrapPos();
}

void stats_view::draw(const app_state& app, const rect& diagram, double budget_ms) {
  work(budget_ms);
  if (!open_) return;
  if (begin_overlay("Statistics over many runs###stats", diagram, &open_)) {
    if (!problem_.empty()) {
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(problem_.c_str());
      ImGui::PopTextWrapPos();
    } else {
      controls(app);
      heat_map(app);
      orders(app);
    }
  }
  ImGui::End();
  if (!open_) stop();
}

}  // namespace asyncrace::ui
