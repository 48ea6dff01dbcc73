// The race diagram's header and titles: the legend in the title bar, Fit and the zoom readout,
// Compare with, Find, and the finish-order summary; a compared run's title line. Private to the
// race diagram (race_diagram.cpp, diagram_header.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "run_digest.hpp"

namespace asyncrace::tutorials {
class session;
}

namespace asyncrace::ui::detail {

inline std::size_t row_count(const run_digest& d) { return d.order().size() + d.pools().size(); }

// The finish-order summary ("finish order  10  12  30 …") at the right end of the current line.
void finish_order_item(const std::vector<std::string>& tokens, float right, float gap = 20.0f);
// The legend, right-aligned in the panel's title bar when it fits beside the title.
void title_legend();
// A compared diagram's title line: "sequential_await  total 3 s", its finish order at the right.
void run_title(const tutorials::session& run, const run_digest& digest, bool running, bool compared, float width);

}  // namespace asyncrace::ui::detail
