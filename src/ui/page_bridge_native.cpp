// The desktop side of page_bridge.hpp: exports are files in the working folder; there is no page
// around the window to mirror into or remember anything in.
#include <fstream>

#include "page_bridge.hpp"

namespace {

class no_mirror final : public asyncrace::ui::mirror_sink {
 public:
  void clear(std::string_view) override {}
  void line(std::string_view) override {}
  void finished(std::string_view) override {}
  void status(std::string_view) override {}
};

}  // namespace

namespace asyncrace::ui::page {

std::string offer_download(std::string_view file_name, std::string_view, std::string_view content) {
  const std::string name(file_name);
  std::ofstream out(name, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  return out ? "Saved " + name + " in the working folder." : "Could not write " + name + ".";
}

mirror_sink& mirror() {
  static no_mirror m;
  return m;
}

void show_shortcuts() {}

void remember_theme(bool) {}

bool has_editor() { return false; }
void place_editor(const rect&) {}
void load_editor(std::string_view, std::string_view) {}
void mark_editor(unsigned, unsigned, unsigned, unsigned, std::string_view) {}
void goto_editor_line(unsigned) {}
void show_editor_links(std::span<const unsigned>, std::span<const unsigned>) {}

}  // namespace asyncrace::ui::page
