// What the playground tells the world around its canvas, one .cpp per platform (CMake picks):
// on the web the page's DOM (web/page.js: downloads, the aria-live mirror a screen reader hears,
// the remembered theme); natively files in the working folder and nothing else.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "announcer.hpp"
#include "layout.hpp"

namespace asyncrace::ui::page {

// Hands a file to the user: the browser's download on the web, a file in the working folder
// natively. Returns a line for the status bar (empty when the browser shows its own).
std::string offer_download(std::string_view file_name, std::string_view mime, std::string_view content);

// The page's screen-reader mirror of the console, finish order and status (no-op natively).
mirror_sink& mirror();

// Opens the page's list of keyboard shortcuts (web/keys.js; nothing natively).
void show_shortcuts();

// Keeps the learner's theme choice for the next visit (the page's localStorage).
void remember_theme(bool light);

// The page's code editor (web/editor: CodeMirror 6 placed over the Python pane). Natively there
// is none: the pane shows the text, read-only.
bool has_editor();
// Where the editor goes, in the page's CSS pixels (ImGui's coordinates); an empty rect hides it.
void place_editor(const rect& area);
// A new selection: the editor shows the learner's saved edit of `slug` (or a share link's
// program), else `original`, and sends back what it shows (asyncrace_set_source).
void load_editor(std::string_view slug, std::string_view original);
// Marks a SyntaxError at its place in the editor, with CPython's message; line 0 clears the mark.
void mark_editor(unsigned line, unsigned column, unsigned end_line, unsigned end_column, std::string_view message);
// Moves the editor's cursor to the start of `line` (1-based) and shows it: a traceback's frame
// line was clicked in the console.
void goto_editor_line(unsigned line);
// The lines where tasks are suspended at the playhead, and the hovered lane's task's lines
// (code_links.hpp): the editor tints them (1-based; empty lists clear).
void show_editor_links(std::span<const unsigned> suspended, std::span<const unsigned> hovered);

}  // namespace asyncrace::ui::page
