#include "playground_args.hpp"

#include <cstdlib>
#include <string>
#include <string_view>

#include "loop/tie_policy.hpp"
#include "ui/playground.hpp"
#include "ui/theme.hpp"

namespace asyncrace::app {
namespace {

// Sets one option; returns what was wrong with it, or empty.
std::string apply(ui::app_state& app, std::string_view flag, std::string_view value) {
  if (flag == "--tutorial") return app.select(value) ? std::string() : app.message();
  if (flag == "--compare") return app.set_compare(value) ? std::string() : app.message();
  if (flag == "--ties") {
    const auto p = parse_tie_policy(value);
    if (!p) return "Unknown tie policy \"" + std::string(value) + "\" (fifo, cpython-heap or jitter).";
    app.settings.ties = *p;
    return {};
  }
  if (flag == "--seed") {
    app.settings.seed_text = std::string(value);
    return {};
  }
  if (flag == "--jitter") {
    const std::string text(value);
    char* end = nullptr;
    const double us = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0')
      return "Jitter must be a number of microseconds (got \"" + text + "\").";
    app.settings.jitter_us = us;
    return {};
  }
  if (flag == "--executor") {
    tutorials::executor_mode mode{};
    if (!ui::parse_executor_mode(value, mode))
      return "Unknown executor \"" + std::string(value) + "\" (virtual or real).";
    return app.set_executors(mode, app.settings.workers) ? std::string() : app.message();
  }
  if (flag == "--workers") {
    const std::string text(value);
    char* end = nullptr;
    const long n = std::strtol(text.c_str(), &end, 10);
    if (end == text.c_str() || *end != '\0' || n < 1 || n > 256)
      return "Workers must be a whole number from 1 to 256 (got \"" + text + "\").";
    return app.set_executors(app.settings.executors, static_cast<int>(n)) ? std::string() : app.message();
  }
  if (flag == "--theme") {  // the page passes prefers-color-scheme, or the learner's last choice
    if (value != "light" && value != "dark") return "Unknown theme \"" + std::string(value) + "\" (light or dark).";
    ui::apply_theme(value == "light" ? ui::theme_kind::light : ui::theme_kind::dark);
    return {};
  }
  if (flag == "--speed") {
    if (!ui::parse_speed(value, app.settings.speed))
      return "Unknown speed \"" + std::string(value) + "\" (0.25x, 1x or instant).";
    return {};
  }
  return "Unknown option " + std::string(flag) + ".";
}

}  // namespace

void apply_launch_args(ui::playground& target, int argc, char** argv) {
  ui::app_state& app = target.state();
  bool run = false;
  std::string problem;
  // The tutorial first: selecting one resets the tie policy to its own, which --ties then overrides.
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string_view(argv[i]) == "--tutorial") {
      if (std::string p = apply(app, argv[i], argv[i + 1]); !p.empty() && problem.empty()) problem = std::move(p);
    }
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--run") {
      run = true;
    } else if (i + 1 < argc) {
      const std::string_view value = argv[++i];
      if (flag == "--tutorial") continue;  // applied above
      if (std::string p = apply(app, flag, value); !p.empty() && problem.empty()) problem = std::move(p);
    } else if (problem.empty()) {
      problem = "Option " + std::string(flag) + " needs a value.";
    }
  }
  if (run && problem.empty()) app.run();
  if (!problem.empty()) app.report(problem);
}

}  // namespace asyncrace::app
