#include "loop_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "app_state.hpp"
#include "finish_summary.hpp"
#include "fonts.hpp"
#include "panel.hpp"
#include "theme.hpp"
#include "time_axis.hpp"

namespace asyncrace::ui {
namespace {

constexpr float node_w_min = 46.0f;  // a heap node: "Task-12" over its token and deadline
constexpr int max_levels = 5;        // 31 timers; a bigger heap says how many more it has
constexpr std::size_t max_chains = 64;  // chains drawn per frame; a big run says how many more it has

// "Task-12", and the last word of what it printed first ("10" in the nine-task race): the name
// the race diagram's finish order uses.
std::string task_name(const trace::recording& rec, task_id id) {
  if (id == no_task) return "loop";
  const trace::task_lane* lane = rec.lane(id);
  return lane != nullptr ? lane->name : "Task-" + std::to_string(id);
}
std::string task_token(const trace::recording& rec, task_id id) {
  const trace::task_lane* lane = rec.lane(id);
  return lane != nullptr && !lane->first_output.empty() ? finish_token(lane->first_output) : std::string();
}

ImU32 kind_color(ready_kind k) {
  switch (k) {
    case ready_kind::step: return palette::step;
    case ready_kind::wakeup: return palette::awaiting;
    case ready_kind::sleep:
    case ready_kind::timer: return palette::sleep;
    case ready_kind::done_callback: return palette::finish;
    case ready_kind::call_soon: return palette::yielding;
    case ready_kind::external: return palette::pool_job;
  }
  return palette::future;
}

void centered(ImDrawList* dl, float cx, float y, ImU32 color, const std::string& text) {
  const float w = ImGui::CalcTextSize(text.c_str()).x;
  dl->AddText({cx - 0.5f * w, y}, color, text.c_str());
}

void controls(app_state& app) {
  const auto button = [](const char* label, const char* tip) {
    const bool pressed = ImGui::SmallButton(label);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
    ImGui::SameLine();
    return pressed;
  };
  using move = app_state::loop_move;
  if (button("\xc2\xab##iter_back", "Back one loop iteration (Shift+\xe2\x86\x90)")) app.step(move::iteration, -1);
  if (button("\xe2\x86\x90##step_back", "Back one pop or callback (\xe2\x86\x90)")) app.step(move::callback, -1);
  if (button(app.paused() ? "Play##pause" : "Pause##pause", "Pause / resume (Space)")) app.toggle_pause();
  if (button("\xe2\x86\x92##step", "One pop or callback (\xe2\x86\x92)")) app.step(move::callback, +1);
  if (button("\xc2\xbb##iter", "One loop iteration (Shift+\xe2\x86\x92)")) app.step(move::iteration, +1);
  if (button("print \xe2\x86\x90##line_back", "To the previous printed line (,)")) app.step(move::line, -1);
  if (button("print \xe2\x86\x92##line", "To the next printed line (.)")) app.step(move::line, +1);
  ImGui::NewLine();
}

void status(const loop_stepper& s, const loop_picture& p, bool paused) {
  char buf[200];
  const std::size_t pops = p.state.popped.size();
  std::snprintf(buf, sizeof buf, "iteration %llu of %zu  \xc2\xb7  t = %s s  \xc2\xb7  %zu/%zu popped  \xc2\xb7  %zu/%zu run%s",
                static_cast<unsigned long long>(p.state.iteration), s.iterations(), format_seconds(p.state.t).c_str(),
                p.pops_done, pops, p.callbacks_done, p.state.ready.size(), paused ? "  \xc2\xb7  paused" : "");
  ImGui::PushStyleColor(ImGuiCol_Text, paused ? palette::accent : palette::time);
  ImGui::TextWrapped("%s", buf);
  ImGui::PopStyleColor();
}

// The batch this iteration runs, FIFO, as boxes that wrap: done ones dim, the next one outlined.
// Only timers popped so far have put their callbacks in (the batch's tail is the pops).
void ready_row(const trace::recording& rec, const loop_picture& p, float width) {
  caption("Ready queue (FIFO): what this iteration runs");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const std::size_t not_yet_popped = p.state.popped.size() - p.pops_done;
  const std::size_t shown = p.state.ready.size() - not_yet_popped;
  const float h = 2.0f * ImGui::GetTextLineHeight() + 6.0f;
  float x = origin.x, y = origin.y;
  if (shown == 0) ImGui::TextDisabled("(empty)");
  for (std::size_t i = 0; i < shown && i < 200; ++i) {
    const ready_entry& e = p.state.ready[i];
    const std::string kind(to_string(e.kind));
    const std::string who = task_name(rec, e.task) + (task_token(rec, e.task).empty() ? "" : " \xc2\xb7 " + task_token(rec, e.task));
    const float w = std::max(ImGui::CalcTextSize(kind.c_str()).x, ImGui::CalcTextSize(who.c_str()).x) + 12.0f;
    if (x + w > origin.x + width && x > origin.x) {
      x = origin.x;
      y += h + 4.0f;
    }
    const bool done = i < p.callbacks_done;
    const ImU32 c = kind_color(e.kind);
    dl->AddRectFilled({x, y}, {x + w, y + h}, done ? palette::band_odd : (c & 0x00FFFFFF) | 0x50000000, 4.0f);
    dl->AddRect({x, y}, {x + w, y + h}, i == p.callbacks_done ? palette::accent : c, 4.0f, 0,
                i == p.callbacks_done ? 2.5f : 1.0f);
    dl->AddText({x + 6.0f, y + 2.0f}, done ? palette::text_dim : palette::text, kind.c_str());
    dl->AddText({x + 6.0f, y + 3.0f + ImGui::GetTextLineHeight()}, palette::text_dim, who.c_str());
    x += w + 4.0f;
  }
  if (shown > 0) ImGui::Dummy({width, y + h - origin.y});
}

// The heap array as a binary tree: node i at level floor(log2(i + 1)), its children 2i+1, 2i+2.
// The root pops next; while this iteration still has pops to do it is filled.
void heap_tree(const trace::recording& rec, const loop_picture& p, float width) {
  const auto& heap = p.heap;
  char head[120];
  std::snprintf(head, sizeof head, "Timer heap: %zu timers (heapq array; the root pops next)", heap.size());
  caption(head);
  if (heap.empty()) {
    ImGui::TextDisabled("(no timers)");
    return;
  }
  int levels = 1;
  while (levels < max_levels && (std::size_t{1} << levels) - 1 < heap.size() &&
         static_cast<float>(1 << levels) * node_w_min <= width)
    ++levels;
  const std::size_t drawn = std::min(heap.size(), (std::size_t{1} << levels) - 1);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float line = ImGui::GetTextLineHeight();
  const float node_h = 2.0f * line + 6.0f, level_h = node_h + 16.0f;
  const auto centre = [&](std::size_t i, int& level) {
    level = 0;
    while ((std::size_t{2} << level) - 1 <= i) ++level;
    const std::size_t slot = i + 1 - (std::size_t{1} << level);
    const float span = width / static_cast<float>(1 << level);
    return ImVec2{origin.x + span * (static_cast<float>(slot) + 0.5f), origin.y + level_h * static_cast<float>(level)};
  };
  for (std::size_t i = 1; i < drawn; ++i) {  // edges first, under the nodes
    int l = 0, pl = 0;
    const ImVec2 a = centre(i, l), b = centre((i - 1) / 2, pl);
    dl->AddLine({a.x, a.y}, {b.x, b.y + node_h}, palette::rule, 1.5f);
  }
  const bool popping = p.pops_done < p.state.popped.size();
  for (std::size_t i = 0; i < drawn; ++i) {
    int level = 0;
    const ImVec2 c = centre(i, level);
    const float w = std::min(width / static_cast<float>(1 << level) - 4.0f, 96.0f);
    const timer_entry& e = heap[i];
    const ImU32 fill = i == 0 && popping ? palette::deadline : e.cancelled ? palette::band_odd : palette::band_even;
    dl->AddRectFilled({c.x - 0.5f * w, c.y}, {c.x + 0.5f * w, c.y + node_h}, fill, 4.0f);
    dl->AddRect({c.x - 0.5f * w, c.y}, {c.x + 0.5f * w, c.y + node_h}, i == 0 ? palette::accent : palette::sleep, 4.0f,
                0, i == 0 ? 2.5f : 1.0f);
    const std::string token = task_token(rec, e.task);
    const ImU32 ink = i == 0 && popping ? IM_COL32(20, 20, 20, 255) : palette::text;
    centered(dl, c.x, c.y + 2.0f, ink, token.empty() ? task_name(rec, e.task) : token);
    char sub[48];  // its sequence number breaks no tie under cpython-heap: heapq compares deadlines only
    const auto seq = static_cast<unsigned long long>(e.seq);
    if (w >= 80.0f) std::snprintf(sub, sizeof sub, "%s s #%llu", format_seconds(e.deadline).c_str(), seq);
    else std::snprintf(sub, sizeof sub, "#%llu", seq);
    centered(dl, c.x, c.y + 3.0f + line, i == 0 && popping ? ink : palette::text_dim, sub);
  }
  int last_level = 0;
  centre(drawn - 1, last_level);
  ImGui::Dummy({width, level_h * static_cast<float>(last_level) + node_h + 4.0f});
  if (drawn < heap.size()) ImGui::TextDisabled("+ %zu more timers below level %d", heap.size() - drawn, levels);
}

// The pops of this iteration in order (done ones bright), and what printed last.
void pops_and_lines(const trace::recording& rec, const loop_picture& p) {
  std::string pops;
  for (std::size_t i = 0; i < p.state.popped.size(); ++i) {
    const std::string token = task_token(rec, p.state.popped[i].task);
    pops += std::string(i ? "  " : "") + (i < p.pops_done ? "\xe2\x9c\x93" : "") +
            (token.empty() ? task_name(rec, p.state.popped[i].task) : token);
  }
  caption("Popped this iteration, in order (\xe2\x9c\x93 done)");
  ImGui::PushStyleColor(ImGuiCol_Text, palette::deadline);
  ImGui::TextWrapped("%s", pops.empty() ? "(none)" : pops.c_str());
  ImGui::PopStyleColor();
  if (p.lines_printed > 0 && p.lines_printed <= rec.lines().size()) {
    caption("Printed last");
    ImGui::TextWrapped("%s", rec.lines()[p.lines_printed - 1].text.c_str());
  }
}

// What a chain's innermost frame waits on, in words.
std::string awaited(const trace::recording& rec, const await_chain& c) {
  if (!c.started) return "not started: waits for its first step";
  const wait_target& w = c.awaits;
  switch (w.kind) {
    case wait_kind::sleep: return "a sleep until " + format_seconds(w.deadline) + " s";
    case wait_kind::yield: return "sleep(0): one trip through the ready queue";
    case wait_kind::task: return "the task " + task_name(rec, w.target);
    case wait_kind::gather: return "a gather of " + std::to_string(w.count);
    case wait_kind::future: break;
  }
  return "a future";
}

// Every pending task's await chain, as `asyncio pstree` prints it: the task, its coroutine
// frames from the outermost in, each with the line it is suspended at, then what the innermost awaits.
void await_chains(const trace::recording& rec, const loop_picture& p) {
  caption("Await chains");
  if (p.state.chains.empty()) {
    ImGui::TextDisabled("(no pending task)");
    return;
  }
  const std::size_t shown = std::min(p.state.chains.size(), max_chains);
  for (std::size_t i = 0; i < shown; ++i) {
    const task_chain& tc = p.state.chains[i];
    const std::string task = task_name(rec, tc.task);
    if (!ImGui::TreeNodeEx(task.c_str(), ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth)) continue;
    for (const await_frame& f : tc.chain.frames) {
      if (f.line) ImGui::BulletText("%s  line %u", f.function.c_str(), f.line);
      else ImGui::BulletText("%s", f.function.c_str());
      ImGui::Indent();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette::text_dim);
    ImGui::TextWrapped("awaits %s", awaited(rec, tc.chain).c_str());
    ImGui::PopStyleColor();
    for (std::size_t k = 0; k < tc.chain.frames.size(); ++k) ImGui::Unindent();
    ImGui::TreePop();
  }
  if (shown < p.state.chains.size()) ImGui::TextDisabled("+ %zu more pending tasks", p.state.chains.size() - shown);
}

}  // namespace

void loop_view::draw(app_state& app, const rect& area) {
  panel_ = area;
  if (begin_panel("Event loop", area)) {
    loop_stepper* stepper = app.stepper();
    if (stepper == nullptr || stepper->iterations() == 0) {
      ImGui::TextDisabled("Press \xe2\x96\xb6 Run: the loop's ready queue and timer heap appear here, step by step.");
    } else {
      const loop_picture& p = stepper->picture();
      const trace::recording& rec = app.session()->trace();
      controls(app);
      status(*stepper, p, app.paused());
      const float width = ImGui::GetContentRegionAvail().x;
      if (width >= 760.0f) {  // side by side: the queue and the pops left, the heap right
        const float left = std::floor(width * 0.42f);
        ImGui::BeginGroup();
        ready_row(rec, p, left - 12.0f);
        pops_and_lines(rec, p);
        await_chains(rec, p);
        ImGui::EndGroup();
        ImGui::SameLine(left + ImGui::GetStyle().WindowPadding.x);
        ImGui::BeginGroup();
        heap_tree(rec, p, width - left);
        ImGui::EndGroup();
      } else {
        ready_row(rec, p, width);
        heap_tree(rec, p, width);
        pops_and_lines(rec, p);
        await_chains(rec, p);
      }
    }
  }
  end_panel();
}

}  // namespace asyncrace::ui
