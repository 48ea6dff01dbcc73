#include "announcer.hpp"

#include "app_state.hpp"
#include "finish_summary.hpp"
#include "time_axis.hpp"

namespace asyncrace::ui {
namespace {

std::string summary(const app_state& app) {
  const tutorials::session& run = *app.session();
  std::string text;
  if (!run.error().empty()) text = "Failed at " + format_seconds(app.playhead()) + " s: " + run.error();
  else if (app.stopped()) text = "Stopped at " + format_seconds(app.playhead()) + " s.";
  else text = "Finished at " + format_seconds(run.trace().end_time()) + " s.";
  const std::vector<std::string> order = finish_tokens(run.trace(), app.playhead());
  if (informative(order)) {
    text += " Finish order:";
    for (std::size_t i = 0; i < order.size(); ++i) text += (i == 0 ? " " : ", ") + order[i];
    text += '.';
  }
  return text;
}

}  // namespace

void announcer::update(const app_state& app, mirror_sink& sink) {
  std::string status = app.settings_problem().empty() ? app.message() : app.settings_problem();
  if (status != status_) {
    status_ = status;
    sink.status(status_);
  }
  const tutorials::session* run = app.session();
  if (run == nullptr) return;
  if (app.run_serial() != serial_) {
    serial_ = app.run_serial();
    lines_ = 0;
    ended_ = false;
    sink.clear("Console of " + run_name(*run));
  }
  const auto& lines = run->trace().lines();
  for (; lines_ < lines.size() && lines[lines_].t <= app.playhead(); ++lines_) sink.line(lines[lines_].text);
  if (!ended_ && !app.running()) {
    ended_ = true;
    sink.finished(summary(app));
  }
}

}  // namespace asyncrace::ui
