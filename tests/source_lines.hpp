// Line numbers found in a Python source, so that tests derive the lines they expect from the
// program's text instead of spelling numbers that break when the program changes.
#pragma once

#include <cstddef>
#include <string_view>

namespace asyncrace::testing {

// The 1-based number of the first line of `py` that contains `text`; 0 when none does.
inline unsigned line_of(std::string_view py, std::string_view text) {
  unsigned n = 1;
  for (std::size_t start = 0; start < py.size(); ++n) {
    std::size_t nl = py.find('\n', start);
    if (nl == std::string_view::npos) nl = py.size();
    if (py.substr(start, nl - start).find(text) != std::string_view::npos) return n;
    start = nl + 1;
  }
  return 0;
}

}  // namespace asyncrace::testing
