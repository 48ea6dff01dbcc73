// A traceback's frame line in the console (`  File "prog.py", line 12, in main`) is a link to
// that line of the program in the editor.
#pragma once

#include <string_view>

namespace asyncrace::ui {

// The line number a frame line names, or 0 when `text` is not a frame line.
unsigned frame_link_line(std::string_view text);

}  // namespace asyncrace::ui
