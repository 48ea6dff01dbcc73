#include "source_view.hpp"

#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "fonts.hpp"
#include "panel.hpp"
#include "theme.hpp"

namespace asyncrace::ui {
namespace {

ImU32 color_of(token_kind k) {
  switch (k) {
    case token_kind::keyword: return palette::syntax_keyword;
    case token_kind::string: return palette::syntax_string;
    case token_kind::comment: return palette::syntax_comment;
    case token_kind::number: return palette::syntax_number;
    case token_kind::preprocessor: return palette::syntax_preprocessor;
    case token_kind::plain: break;
  }
  return palette::text;
}

}  // namespace

void source_view::load(std::string_view source) {
  loaded_ = source;
  lines_.clear();
  widest_ = 0.0f;
  std::size_t start = 0;
  while (start <= source.size()) {
    std::size_t end = source.find('\n', start);
    if (end == std::string_view::npos) end = source.size();
    std::string_view text = source.substr(start, end - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    lines_.push_back({text, tokenize_line(text, lang_)});
    widest_ = std::max(widest_, ImGui::CalcTextSize(text.data(), text.data() + text.size()).x);
    if (end == source.size()) break;
    start = end + 1;
  }
  while (!lines_.empty() && lines_.back().text.empty()) lines_.pop_back();
}

void source_view::draw_line(const line& l, int number, float gutter) const {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  char digits[16];
  std::snprintf(digits, sizeof digits, "%3d", number);
  dl->AddText(origin, palette::line_number, digits);
  float x = origin.x + gutter;
  for (const token& t : l.tokens) {
    const char* b = l.text.data() + t.begin;
    const char* e = l.text.data() + t.end;
    dl->AddText({x, origin.y}, color_of(t.kind), b, e);
    x += ImGui::CalcTextSize(b, e).x;
  }
  ImGui::Dummy({gutter + widest_, ImGui::GetTextLineHeight()});
}

rect source_view::draw_frame(const char* title, const rect& area) {
  rect content;
  if (begin_panel(title, area, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
    const ImVec2 pos = ImGui::GetWindowPos();
    const ImVec2 min = ImGui::GetWindowContentRegionMin();
    const ImVec2 max = ImGui::GetWindowContentRegionMax();
    // The whole inside of the panel below its title bar: the editor brings its own padding.
    const float top = pos.y + min.y - ImGui::GetStyle().WindowPadding.y;
    content = {pos.x + 1.0f, top, area.w - 2.0f, area.y + area.h - 1.0f - top};
  }
  end_panel();
  if (content.w < 1.0f || content.h < 1.0f) return {};
  return content;
}

void source_view::draw(const char* title, std::string_view source, const rect& area, std::string_view note) {
  if (begin_panel(title, area, ImGuiWindowFlags_HorizontalScrollbar)) {
    if (!note.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, palette::accent);
      ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
      ImGui::TextUnformatted(note.data(), note.data() + note.size());
      ImGui::PopTextWrapPos();
      ImGui::PopStyleColor();
      ImGui::Separator();
    }
    ImGui::PushFont(fonts().code);
    // Widths depend on the font: measure with the code font pushed.
    if (source.data() != loaded_.data() || source.size() != loaded_.size() || lines_.empty()) load(source);
    const float gutter = ImGui::CalcTextSize("000").x + 14.0f;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0.0f, 2.0f});
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(lines_.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
        draw_line(lines_[static_cast<std::size_t>(i)], i + 1, gutter);
    ImGui::PopStyleVar();
    ImGui::PopFont();
  }
  end_panel();
}

}  // namespace asyncrace::ui
