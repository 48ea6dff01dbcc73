#include "app_state.hpp"

#include <algorithm>
#include <charconv>
#include <exception>
#include <initializer_list>
#include <span>

#include "pool/real_executors.hpp"
#include "tutorials/catalog.hpp"

namespace asyncrace::ui {

bool parse_seed(std::string_view text, std::uint64_t& seed, std::string& error) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec == std::errc::invalid_argument || end != text.data() + text.size()) {
    error = "Seed must be a whole number, e.g. 1 or 2024 (got \"" + std::string(text) + "\").";
    return false;
  }
  if (ec == std::errc::result_out_of_range) {
    error = "Seed is too large: at most 18446744073709551615.";
    return false;
  }
  seed = value;
  return true;
}

std::string_view to_string(tutorials::executor_mode m) {
  return m == tutorials::executor_mode::real ? "real" : "virtual";
}

bool parse_executor_mode(std::string_view text, tutorials::executor_mode& out) {
  if (text == "virtual") out = tutorials::executor_mode::virtual_workers;
  else if (text == "real") out = tutorials::executor_mode::real;
  else return false;
  return true;
}

std::string_view real_workers_name() {
#ifdef __EMSCRIPTEN__
  return "Web Workers";
#else
  return "threads";
#endif
}

bool real_workers_available() { return pool::real_executors_available(); }

int hardware_threads() { return pool::hardware_workers(); }

app_state::app_state() {
  settings.workers = std::clamp(hardware_threads(), 1, 2);
  selected_ = tutorials::find(default_tutorial);
  if (selected_ == nullptr && !tutorials::catalog().empty()) selected_ = &tutorials::catalog().front();
  if (selected_ != nullptr) settings.ties = selected_->info->ties;
}

bool app_state::select(std::string_view slug) {
  const tutorials::tutorial* t = tutorials::find(slug);
  if (t == nullptr) {
    message_ = "There is no tutorial called \"" + std::string(slug) + "\".";
    return false;
  }
  if (t != selected_) {
    end_run();
    settings.ties = t->info->ties;  // each tutorial opens with the tie order its seed shows
  }
  selected_ = t;
  if (compared_ == t) compared_ = nullptr;  // nothing to compare a tutorial with itself
  message_.clear();
  return true;
}

void app_state::end_run() {
  compare_session_.reset();
  session_.reset();
  halted_ = false;
  stopped_ = false;
  clock_.restart();
  ++run_serial_;
}

bool app_state::set_compare(std::string_view slug) {
  const tutorials::tutorial* t = nullptr;
  if (!slug.empty() && slug != "none") {
    t = tutorials::find(slug);
    if (t == nullptr) {
      message_ = "There is no tutorial called \"" + std::string(slug) + "\" to compare with.";
      return false;
    }
    if (t == selected_) {
      message_ = "Compare " + std::string(slug) + " with a different tutorial.";
      return false;
    }
  }
  if (t != compared_) {
    end_run();
    compared_ = t;
  }
  message_.clear();
  return true;
}

namespace {

std::string check(const run_settings& settings, tutorials::run_options& options) {
  options.ties = settings.ties;
  options.jitter_us = settings.jitter_us;
  options.executors = settings.executors;
  options.workers = settings.workers;
  if (settings.workers < 1) return "Workers must be at least 1 (got " + std::to_string(settings.workers) + ").";
  std::string problem;
  if (!parse_seed(settings.seed_text, options.seed, problem)) return problem;
  return tutorials::validate(options);
}

}  // namespace

std::string app_state::settings_problem() const {
  tutorials::run_options options;
  return check(settings, options);
}

bool app_state::run() {
  if (selected_ == nullptr) {
    message_ = "No tutorial selected.";
    return false;
  }
  tutorials::run_options options;
  if (std::string problem = check(settings, options); !problem.empty()) {
    message_ = std::move(problem);
    return false;
  }
  compare_session_.reset();  // the old runs' coroutines die before the new loops start
  session_.reset();
  try {
    session_ = std::make_unique<tutorials::session>(*selected_, options);
    if (compared_ != nullptr) compare_session_ = std::make_unique<tutorials::session>(*compared_, options);
  } catch (const std::exception& e) {
    compare_session_.reset();
    session_.reset();
    message_ = std::string("Could not start the run: ") + e.what();
    return false;
  }
  clock_.restart();
  ++run_serial_;
  halted_ = false;
  stopped_ = false;
  message_.clear();
  return true;
}

bool app_state::stop() {
  if (!running()) return false;
  stopped_ = true;
  return true;
}

void app_state::tick(double real_dt) {
  if (!session_ || halted_ || stopped_) return;
  try {
    tutorials::session* const runs[] = {session_.get(), compare_session_.get()};
    clock_.tick(std::span(runs, compare_session_ ? 2 : 1), real_dt, settings.speed);
  } catch (const std::exception& e) {
    // The session reports run errors through error(); anything thrown past it is ours to show.
    message_ = std::string("The run stopped: ") + e.what();
    halted_ = true;
  }
}

bool app_state::set_executors(tutorials::executor_mode mode, int workers) {
  const run_settings before = settings;
  settings.executors = mode;
  settings.workers = workers;
  if (std::string problem = settings_problem(); !problem.empty()) {
    settings = before;
    message_ = std::move(problem);
    return false;
  }
  message_.clear();
  if (mode == tutorials::executor_mode::real) pool::prestart_real_workers(workers);
  if (session_ && (before.executors != mode || before.workers != workers)) return run();
  return true;
}

bool app_state::running(const tutorials::session* run) const {
  return run != nullptr && !halted_ && !stopped_ && !run->finished();
}

bool app_state::waiting_on_workers() const {
  bool waiting = false;
  for (const tutorials::session* run : {session_.get(), compare_session_.get()}) {
    if (!running(run)) continue;
    if (!run->workers_busy()) return false;  // this one plays on its own clock
    waiting = true;
  }
  return waiting;
}

bool app_state::running() const { return running(session_.get()) || running(compare_session_.get()); }

}  // namespace asyncrace::ui
