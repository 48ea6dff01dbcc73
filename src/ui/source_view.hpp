// A read-only code panel with line numbers and syntax colours: the Python a learner reads and the
// C++ that really runs, side by side.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "syntax.hpp"

namespace asyncrace::ui {

struct rect;

class source_view {
 public:
  explicit source_view(language lang) : lang_(lang) {}

  // `title` names the panel ("###id" suffix allowed); `source` must outlive the view's use of it.
  // A `note` (wrapped, in the accent colour) stands above the code.
  void draw(const char* title, std::string_view source, const rect& area, std::string_view note = {});
  // Only the panel and its title, for the page's editor to cover: returns the content area.
  static rect draw_frame(const char* title, const rect& area);

 private:
  struct line {
    std::string_view text;
    std::vector<token> tokens;
  };
  void load(std::string_view source);
  void draw_line(const line& l, int number, float gutter) const;

  language lang_;
  std::string_view loaded_;
  std::vector<line> lines_;
  float widest_ = 0.0f;
};

}  // namespace asyncrace::ui
