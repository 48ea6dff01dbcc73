// asyncrace-playground: the tutorials, their sources, the console and the race diagram in one
// window — a desktop window natively, the page's canvas on the web.
#include <cstdio>
#include <string>

#include "platform/platform.hpp"
#include "pool/real_executors.hpp"
#include "playground_args.hpp"
#include "playground_automation.hpp"
#include "ui/playground.hpp"

namespace {

double frame(void* user) {
  auto& app = *static_cast<asyncrace::ui::playground*>(user);
  const double next = app.frame();
  // Tests and the page's loading overlay wait for this line (printed once the first frame is built).
  if (app.frames() == 1) std::puts("asyncrace ready");
  return next;
}

void scale_changed(void* user, float ratio) {
  static_cast<asyncrace::ui::playground*>(user)->set_pixel_ratio(ratio);
}

}  // namespace

int main(int argc, char** argv) {
  if (std::string error = asyncrace::platform::init({}); !error.empty()) {
    // The page shows lines starting "asyncrace: fatal:" in its error box.
    std::fprintf(stderr, "asyncrace: fatal: %s\n", error.c_str());
    return 1;
  }
  // Static: on the web the browser keeps calling `frame` after main() has handed over the loop.
  static asyncrace::ui::playground app;
  asyncrace::app::attach_automation(&app);
  asyncrace::pool::on_worker_news([] { app.worker_news(); });
  asyncrace::app::apply_launch_args(app, argc, argv);
  asyncrace::platform::run({&app, frame, scale_changed});
  asyncrace::platform::shutdown();
  return 0;
}
