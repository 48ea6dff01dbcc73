// Code and picture tied together (ui/code_links.hpp): the editor's cursor line comes in through
// asyncrace_editor_line (web/editor/links.js calls it), and the "code_links" part of the state
// JSON tells tests what is highlighted and where the task rows were drawn.
#pragma once

#include <string>

namespace asyncrace::ui {
class playground;
}

namespace asyncrace::app {

// ,"code_links":{"suspended":[5,9],"hovered":[5],"hover_task":4,"cursor_line":5,
//  "function":"do_some_work","lanes":[5,6,...],"task_rows":[{"task":1,"x":…,"y":…,"w":…,"h":…},…]}
void append_code_links(std::string& out, const ui::playground& p);

}  // namespace asyncrace::app
