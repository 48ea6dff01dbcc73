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

}  // namespace asyncrace::ui::page
