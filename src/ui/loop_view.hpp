// The "Event loop" view (issue 11 item 2): at the stepper's position, the ready queue as a row of
// entries (what ran already dimmed, the next one outlined), CPython's timer heap drawn as a binary
// tree in the positions of its heap array (the timer that pops next highlighted), the pops of the
// iteration in order, the clock and the iteration. Buttons step, pause and resume (the keys do the
// same, web/keys.js). Reads the recording only, through app_state's stepper.
#pragma once

#include "layout.hpp"

namespace asyncrace::ui {

class app_state;

class loop_view {
 public:
  void draw(app_state& app, const rect& area);
  const rect& panel() const { return panel_; }

 private:
  rect panel_;
};

}  // namespace asyncrace::ui
