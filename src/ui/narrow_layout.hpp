// The page on a narrow screen (a phone, below ~900 px): the toolbar (its controls wrap onto as
// many rows as they need), a row of tabs (Code, Race, Console, Notes) and the chosen tab's panels
// filling the rest, one column. Pure: unit-tested.
#pragma once

#include <string_view>

#include "layout.hpp"

namespace asyncrace::ui {

// Below this window width the page is one column with tabs.
inline constexpr float narrow_below = 900.0f;
inline bool is_narrow(float width) { return width < narrow_below; }

enum class page_tab { code, race, console, notes };
inline constexpr page_tab all_tabs[] = {page_tab::code, page_tab::race, page_tab::console, page_tab::notes};
inline constexpr float tab_bar_height = 34.0f;

std::string_view to_string(page_tab t);  // "code", "race", "console", "notes"
std::string_view tab_label(page_tab t);  // "Code", "Race", "Console", "Notes"
bool parse_page_tab(std::string_view text, page_tab& out);

struct narrow_layout {
  rect toolbar;
  rect tabs;
  rect first;   // the tab's panel (Code: Python, Notes: the tutorial list)
  rect second;  // its second panel below the first (Code: C++, Notes: the explanation), or empty
};

// `toolbar_h` is what the wrapped toolbar needed last frame.
narrow_layout compute_narrow_layout(float width, float height, float toolbar_h, page_tab tab);

}  // namespace asyncrace::ui
