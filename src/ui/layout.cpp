#include "layout.hpp"

#include <algorithm>
#include <cmath>

namespace asyncrace::ui {

float left_column_width(float width) { return std::floor(std::clamp(width * 0.175f, 200.0f, 280.0f)); }

panel_layout compute_layout(float width, float height, float list_height) {
  const float g = panel_gap;
  panel_layout p;
  p.toolbar = {0.0f, 0.0f, width, toolbar_height};

  const float top = toolbar_height + g;
  const float body_h = std::max(200.0f, height - top - g);
  const float left_w = left_column_width(width);
  const float wanted = list_height > 0.0f ? list_height : body_h * 0.4f;
  const float list_h = std::floor(std::clamp(wanted, std::min(120.0f, body_h * 0.5f), body_h * 0.55f));
  p.tutorials = {g, top, left_w, list_h};
  p.explanation = {g, top + list_h + g, left_w, body_h - list_h - g};

  const float x0 = g + left_w + g;
  const float main_w = std::max(300.0f, width - x0 - g);
  // The diagram gets what the sources leave, but never less than ~13 lanes' worth.
  const float upper_h = std::floor(std::clamp(body_h * 0.42f, 140.0f, std::max(140.0f, body_h - 380.0f)));
  // Code lines are long, console lines short ("  1.000000 Work complete 10").
  const float code_w = std::floor((main_w - 2.0f * g) * 0.37f);
  const float cpp_w = std::floor((main_w - 2.0f * g) * 0.38f);
  const float console_w = main_w - 2.0f * g - code_w - cpp_w;
  p.python = {x0, top, code_w, upper_h};
  p.cpp = {x0 + code_w + g, top, cpp_w, upper_h};
  p.console = {p.cpp.right() + g, top, console_w, upper_h};
  p.diagram = {x0, top + upper_h + g, main_w, body_h - upper_h - g};
  return p;
}

std::array<float, 2> stack_heights(float avail, float fixed, std::size_t rows_a, std::size_t rows_b,
                                   float row_max) {
  const float want_a = fixed + row_max * static_cast<float>(rows_a);
  const float want_b = fixed + row_max * static_cast<float>(rows_b);
  if (want_a + want_b <= avail) return {want_a, want_b};
  const float min_a = std::min(want_a, avail / 3.0f);
  const float min_b = std::min(want_b, avail / 3.0f);
  const float a = std::floor(std::clamp(avail * want_a / (want_a + want_b), min_a, std::max(min_a, avail - min_b)));
  return {a, std::max(0.0f, avail - a)};
}

}  // namespace asyncrace::ui
