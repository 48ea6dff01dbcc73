// The run's console: every printed line with the virtual time it was printed at, filling in as
// playback reaches it; the run's error, if any, at the end.
#pragma once

#include <cstddef>
#include <cstdint>

namespace asyncrace::ui {

class app_state;
struct rect;

class console_view {
 public:
  void draw(const app_state& app, const rect& area);

 private:
  std::uint64_t serial_ = 0;
  std::size_t shown_ = 0;  // lines shown last frame: scroll down when more arrive
};

}  // namespace asyncrace::ui
