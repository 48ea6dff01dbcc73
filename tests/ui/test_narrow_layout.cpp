// The one-column page of narrow screens: toolbar, tabs, and each tab's panels inside the window.
#include <doctest.h>

#include "ui/narrow_layout.hpp"

using namespace asyncrace::ui;

namespace {
bool inside(const rect& r, float w, float h) { return r.x >= 0 && r.y >= 0 && r.right() <= w && r.bottom() <= h; }
}  // namespace

TEST_CASE("narrow below 900 px: a phone is, a laptop is not") {
  CHECK(is_narrow(390.0f));
  CHECK(is_narrow(899.0f));
  CHECK_FALSE(is_narrow(900.0f));
  CHECK_FALSE(is_narrow(1280.0f));
}

TEST_CASE("390x844: every tab's panels fill the column below the toolbar and the tabs") {
  for (page_tab tab : all_tabs) {
    CAPTURE(to_string(tab));
    const narrow_layout n = compute_narrow_layout(390.0f, 844.0f, 150.0f, tab);
    CHECK(n.toolbar.h == 150.0f);
    CHECK(n.tabs.y == 150.0f);
    CHECK(n.first.y >= n.tabs.bottom());
    CHECK(inside(n.first, 390.0f, 844.0f));
    CHECK(n.first.w == doctest::Approx(390.0f - 2 * panel_gap));
    const bool two = tab == page_tab::code || tab == page_tab::notes;
    CHECK((n.second.h > 0.0f) == two);
    if (two) {
      CHECK(inside(n.second, 390.0f, 844.0f));
      CHECK(n.second.y >= n.first.bottom());
      CHECK(n.second.bottom() == doctest::Approx(844.0f - panel_gap));
    } else {
      CHECK(n.first.bottom() == doctest::Approx(844.0f - panel_gap));
    }
  }
}

TEST_CASE("a toolbar that wraps too much is held to 40% of the height") {
  const narrow_layout n = compute_narrow_layout(390.0f, 500.0f, 400.0f, page_tab::race);
  CHECK(n.toolbar.h == doctest::Approx(200.0f));
  CHECK(compute_narrow_layout(390.0f, 500.0f, 0.0f, page_tab::race).toolbar.h == toolbar_height);
}

TEST_CASE("tabs by name") {
  page_tab t{};
  CHECK(parse_page_tab("console", t));
  CHECK(t == page_tab::console);
  CHECK_FALSE(parse_page_tab("Console", t));
  for (page_tab each : all_tabs) {
    CHECK(parse_page_tab(to_string(each), t));
    CHECK(t == each);
  }
}
