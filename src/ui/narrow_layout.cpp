#include "narrow_layout.hpp"

#include <algorithm>
#include <cmath>

namespace asyncrace::ui {

std::string_view to_string(page_tab t) {
  switch (t) {
    case page_tab::code: return "code";
    case page_tab::console: return "console";
    case page_tab::notes: return "notes";
    case page_tab::race: break;
  }
  return "race";
}

std::string_view tab_label(page_tab t) {
  switch (t) {
    case page_tab::code: return "Code";
    case page_tab::console: return "Console";
    case page_tab::notes: return "Notes";
    case page_tab::race: break;
  }
  return "Race";
}

bool parse_page_tab(std::string_view text, page_tab& out) {
  for (page_tab t : all_tabs)
    if (to_string(t) == text) {
      out = t;
      return true;
    }
  return false;
}

narrow_layout compute_narrow_layout(float width, float height, float toolbar_h, page_tab tab) {
  const float g = panel_gap;
  narrow_layout n;
  const float bar_h = std::clamp(toolbar_h, toolbar_height, std::max(toolbar_height, height * 0.4f));
  n.toolbar = {0.0f, 0.0f, width, bar_h};
  n.tabs = {0.0f, bar_h, width, tab_bar_height};
  const float top = bar_h + tab_bar_height + g;
  const rect body = {g, top, std::max(0.0f, width - 2.0f * g), std::max(120.0f, height - top - g)};
  switch (tab) {
    case page_tab::code:
    case page_tab::notes: {
      // Code: Python above C++, half each. Notes: the list above the explanation, the list a bit more.
      const float share = tab == page_tab::code ? 0.5f : 0.55f;
      const float first_h = std::floor((body.h - g) * share);
      n.first = {body.x, body.y, body.w, first_h};
      n.second = {body.x, body.y + first_h + g, body.w, body.h - first_h - g};
      break;
    }
    case page_tab::race:
    case page_tab::console: n.first = body; break;
  }
  return n;
}

}  // namespace asyncrace::ui
