// The Event loop view's automation (issue 11): what the page's keys and the browser tests call to
// pause, step and scrub (asyncrace_loop, asyncrace_scrub), and the "loop" part of the state JSON.
#pragma once

#include <string>

namespace asyncrace::ui {
class playground;
}

namespace asyncrace::app {

// ,"loop":{...} : the stepper's position and picture (null without a stepper), ,"loop_panel" and
// ,"diagram_axis" rects.
void append_loop_state(std::string& out, const ui::playground& p);

}  // namespace asyncrace::app
