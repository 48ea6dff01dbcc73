// The run's console: every printed line with the virtual time it was printed at, filling in as
// playback reaches it; the run's error, if any, at the end. A traceback's frame lines are links:
// clicking one moves the editor to that line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "layout.hpp"
#include "trace/recording.hpp"

namespace asyncrace::ui {

class app_state;

class console_view {
 public:
  // A traceback's frame line drawn last frame: a link to `line` of the program (screen rect).
  struct frame_link {
    unsigned line = 0;
    rect at;
  };

  void draw(const app_state& app, const rect& area);
  // The program line whose frame link was clicked this frame (0: none); reading clears it.
  unsigned take_clicked_line() { return std::exchange(clicked_line_, 0u); }
  const std::vector<frame_link>& frame_links() const { return links_; }

 private:
  void draw_line(const trace::output_line& line);
  std::vector<frame_link> links_;
  unsigned clicked_line_ = 0;
  std::uint64_t serial_ = 0;
  std::size_t shown_ = 0;  // lines shown last frame: scroll down when more arrive
};

}  // namespace asyncrace::ui
