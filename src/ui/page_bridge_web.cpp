// The page side of page_bridge.hpp: calls into web/page.js (window.asyncracePage), which builds
// every DOM node with textContent. Nothing here builds markup.
#include <emscripten.h>

#include <string>

#include "page_bridge.hpp"

namespace {

// clang-format off
EM_JS(void, page_download, (const char* name, const char* mime, const char* data, int size), {
  if (window.asyncracePage) window.asyncracePage.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + size));
});
EM_JS(void, page_mirror, (int what, const char* text, int size), {
  if (window.asyncracePage) window.asyncracePage.mirror(what, UTF8ToString(text, size));
});
EM_JS(void, page_remember_theme, (int light), {
  if (window.asyncracePage) window.asyncracePage.rememberTheme(light ? 'light' : 'dark');
});
EM_JS(void, page_show_shortcuts, (), {
  if (window.asyncraceKeys) window.asyncraceKeys.showHelp();
});
// The editor's calls go through window.asyncraceEditor (web/editor/editor.js), which may load
// after the app's first frame: page.js keeps the latest of each until it is there.
EM_JS(void, page_place_editor, (double x, double y, double w, double h), {
  if (window.asyncracePage) window.asyncracePage.editor('place', [x, y, w, h]);
});
EM_JS(void, page_load_editor, (const char* slug, int slug_size, const char* text, int text_size), {
  if (window.asyncracePage) window.asyncracePage.editor('load', [UTF8ToString(slug, slug_size), UTF8ToString(text, text_size)]);
});
EM_JS(void, page_mark_editor, (int line, int column, int end_line, int end_column, const char* text, int size), {
  if (window.asyncracePage) window.asyncracePage.editor('mark', [line, column, end_line, end_column, UTF8ToString(text, size)]);
});
EM_JS(void, page_goto_editor_line, (int line), {
  if (window.asyncracePage) window.asyncracePage.editor('gotoLine', [line]);
});
// Two lists of line numbers, "5,9,12" and "5" (plain digits and commas: nothing to escape).
EM_JS(void, page_editor_links, (const char* suspended, const char* hovered), {
  if (window.asyncracePage) window.asyncracePage.editor('links', [UTF8ToString(suspended), UTF8ToString(hovered)]);
});
// clang-format on

// What page.js's mirror() expects as its first argument.
enum mirror_part { clear_part = 0, line_part = 1, finished_part = 2, status_part = 3 };

class dom_mirror final : public asyncrace::ui::mirror_sink {
 public:
  void clear(std::string_view heading) override { send(clear_part, heading); }
  void line(std::string_view text) override { send(line_part, text); }
  void finished(std::string_view summary) override { send(finished_part, summary); }
  void status(std::string_view text) override { send(status_part, text); }

 private:
  static void send(mirror_part part, std::string_view text) {
    page_mirror(part, text.data(), static_cast<int>(text.size()));
  }
};

}  // namespace

namespace asyncrace::ui::page {

std::string offer_download(std::string_view file_name, std::string_view mime, std::string_view content) {
  page_download(std::string(file_name).c_str(), std::string(mime).c_str(), content.data(), static_cast<int>(content.size()));
  return {};
}

mirror_sink& mirror() {
  static dom_mirror m;
  return m;
}

void show_shortcuts() { page_show_shortcuts(); }

void remember_theme(bool light) { page_remember_theme(light ? 1 : 0); }

bool has_editor() { return true; }

void place_editor(const rect& area) {
  static rect placed{-1.0f, -1.0f, -1.0f, -1.0f};  // tell the page only what changed
  if (area.x == placed.x && area.y == placed.y && area.w == placed.w && area.h == placed.h) return;
  placed = area;
  page_place_editor(area.x, area.y, area.w, area.h);
}

void load_editor(std::string_view slug, std::string_view original) {
  page_load_editor(slug.data(), static_cast<int>(slug.size()), original.data(), static_cast<int>(original.size()));
}

void mark_editor(unsigned line, unsigned column, unsigned end_line, unsigned end_column, std::string_view message) {
  page_mark_editor(static_cast<int>(line), static_cast<int>(column), static_cast<int>(end_line),
                   static_cast<int>(end_column), message.data(), static_cast<int>(message.size()));
}

void goto_editor_line(unsigned line) { page_goto_editor_line(static_cast<int>(line)); }

namespace {
std::string comma_list(std::span<const unsigned> lines) {
  std::string out;
  for (unsigned n : lines) {
    if (!out.empty()) out += ',';
    out += std::to_string(n);
  }
  return out;
}
}  // namespace

void show_editor_links(std::span<const unsigned> suspended, std::span<const unsigned> hovered) {
  page_editor_links(comma_list(suspended).c_str(), comma_list(hovered).c_str());
}

}  // namespace asyncrace::ui::page
