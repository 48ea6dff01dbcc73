// Launch options for the playground, the same on both platforms: command-line flags natively, the
// page's query string on the web (the shell turns ?tutorial=nine_tasks_race&run into flags).
//   --tutorial SLUG  --compare SLUG  --ties fifo|cpython-heap|jitter  --seed N  --jitter US  --speed 0.25x|1x|instant  --run
#pragma once

namespace asyncrace::ui {
class playground;
}

namespace asyncrace::app {

// Applies the flags to `target`. Bad values never stop the app: they become the page's message.
void apply_launch_args(ui::playground& target, int argc, char** argv);

}  // namespace asyncrace::app
