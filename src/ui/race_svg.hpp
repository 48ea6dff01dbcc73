// The race diagram as an SVG picture, drawn from the recording itself (not a screenshot): the
// task lanes in tree order with their waits, deadlines, steps, finish marks and ranks, the
// loop-blocked spans, the pool lanes with their jobs, a time axis, and a title. For slides and posts:
// vector, any size, text that stays text. Pure (no ImGui): unit-tested in tests/ui.
#pragma once

#include <string>
#include <string_view>

#include "trace/recording.hpp"

namespace asyncrace::ui {

struct svg_options {
  std::string_view title;  // "nine_tasks_race  ·  cpython-heap"
  bool light = false;      // the page's light theme (else its dark one)
  float width = 1200.0f;   // px; the height follows the rows
};

std::string race_svg(const trace::recording& rec, const svg_options& options);

// Text for SVG/XML content and attributes: & < > " ' escaped.
std::string xml_escape(std::string_view s);

}  // namespace asyncrace::ui
