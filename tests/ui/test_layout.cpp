// The fixed layout computed from the window size each frame.
#include <doctest.h>

#include <array>

#include "ui/layout.hpp"

using namespace asyncrace::ui;

namespace {

bool inside(const rect& r, float w, float h) {
  return r.x >= 0 && r.y >= 0 && r.right() <= w && r.bottom() <= h;
}

bool overlap(const rect& a, const rect& b) {
  return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

}  // namespace

TEST_CASE("panels fit the window without overlapping") {
  constexpr std::array<std::array<float, 2>, 4> sizes = {
      {{1280.0f, 800.0f}, {1024.0f, 700.0f}, {1920.0f, 1080.0f}, {800.0f, 600.0f}}};
  for (const auto& size : sizes) {
    const float w = size[0];  // not a structured binding: clang 14 cannot capture those (CAPTURE)
    const float h = size[1];
    CAPTURE(w);
    CAPTURE(h);
    const panel_layout p = compute_layout(w, h, 200.0f);
    const rect all[] = {p.toolbar, p.tutorials, p.explanation, p.python, p.cpp, p.console, p.diagram};
    for (const rect& r : all) CHECK(inside(r, w, h));
    for (const rect& a : all)
      for (const rect& b : all)
        if (&a != &b) CHECK_FALSE(overlap(a, b));
  }
}

TEST_CASE("at 1280x800 the race diagram has room for 13 lanes") {
  const panel_layout p = compute_layout(1280.0f, 800.0f, 250.0f);
  CHECK(p.diagram.h >= 13 * 24.0f + 60.0f);
  CHECK(p.diagram.w >= 900.0f);
  CHECK(p.python.w >= 300.0f);
  CHECK(p.tutorials.h == 250.0f);  // what the list asked for
}

TEST_CASE("the tutorial list gets what it needs, within limits") {
  CHECK(compute_layout(1280.0f, 800.0f, 50.0f).tutorials.h >= 120.0f);
  CHECK(compute_layout(1280.0f, 800.0f, 5000.0f).tutorials.h <= 800.0f * 0.55f);
}
