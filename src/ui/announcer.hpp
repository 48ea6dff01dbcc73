// What a screen reader hears: the console's lines as they are played, the finish order when a run
// ends, and the status (problems, stopped runs). The canvas is silent, so each frame the announcer
// compares the app's state with what it has told the page and sends only what is new to a sink
// (on the web the page's aria-live regions, page_bridge_web.cpp). Pure: unit-tested.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace asyncrace::ui {

class app_state;

class mirror_sink {
 public:
  virtual ~mirror_sink() = default;
  virtual void clear(std::string_view heading) = 0;  // a new run: forget the old lines
  virtual void line(std::string_view text) = 0;
  virtual void finished(std::string_view summary) = 0;  // "Finished at 1 s. Finish order: 10, 12, …"
  virtual void status(std::string_view text) = 0;       // problems; empty clears
};

class announcer {
 public:
  void update(const app_state& app, mirror_sink& sink);

 private:
  std::uint64_t serial_ = ~std::uint64_t{0};
  std::size_t lines_ = 0;
  bool ended_ = false;
  std::string status_;
};

}  // namespace asyncrace::ui
