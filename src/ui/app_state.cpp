#include "app_state.hpp"

#include <algorithm>
#include <charconv>
#include <exception>
#include <initializer_list>
#include <limits>
#include <span>
#include <utility>

#include "code_links.hpp"
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

std::string run_name(const tutorials::session& run) {
  if (!run.interpreted()) return std::string(run.source().slug());
  std::string name = run.program_name();
  if (name.size() > 3 && name.compare(name.size() - 3, 3, ".py") == 0) name.resize(name.size() - 3);
  return name + " (interpreter)";
}

app_state::app_state() {
  settings.workers = std::clamp(hardware_threads(), 1, 2);
  selected_ = tutorials::find(default_tutorial);
  if (selected_ == nullptr && !tutorials::catalog().empty()) selected_ = &tutorials::catalog().front();
  if (selected_ != nullptr) {
    settings.ties = selected_->info->ties;
    program_.reset(std::string(selected_->slug()) + ".py", selected_->python_source);
  }
  selection_serial_ = 1;
}

std::string_view app_state::selection_slug() const {
  if (own_program_ || selected_ == nullptr) return own_program_slug;
  return selected_->slug();
}

bool app_state::select(std::string_view slug) {
  if (slug == own_program_slug) {
    if (!own_program_) {
      end_run();
      own_program_ = true;
      selected_ = nullptr;
      compared_ = nullptr;
      compare_interpreter_ = false;
      settings.ties = tie_policy::cpython_heap;  // what CPython prints on a virtual clock
      program_.reset(std::string(own_program_slug) + ".py", own_program_template());
      ++selection_serial_;
    }
    message_.clear();
    return true;
  }
  const tutorials::tutorial* t = tutorials::find(slug);
  if (t == nullptr) {
    message_ = "There is no tutorial called \"" + std::string(slug) + "\".";
    return false;
  }
  if (t != selected_ || own_program_) {
    end_run();
    settings.ties = t->info->ties;  // each tutorial opens with the tie order its seed shows
    program_.reset(std::string(t->slug()) + ".py", t->python_source);
    ++selection_serial_;
  }
  own_program_ = false;
  selected_ = t;
  if (compared_ == t) compared_ = nullptr;  // nothing to compare a tutorial with itself
  message_.clear();
  return true;
}

void app_state::end_run() {
  if (syntax_problem_) ++syntax_serial_;
  syntax_problem_.reset();
  compare_session_.reset();
  session_.reset();
  halted_ = false;
  stopped_ = false;
  reset_stepper();
  clock_.restart();
  ++run_serial_;
}

bool app_state::set_compare(std::string_view slug) {
  if (slug == compare_interpreter_slug) {
    if (selected_ == nullptr) {
      message_ = "Your program already runs on the interpreter: there is no C++ twin to compare it with.";
      return false;
    }
    if (!compare_interpreter_) {
      end_run();
      compared_ = nullptr;
      compare_interpreter_ = true;
    }
    message_.clear();
    return true;
  }
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
  if (t != compared_ || compare_interpreter_) {
    end_run();
    compared_ = t;
    compare_interpreter_ = false;
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

std::unique_ptr<tutorials::session> app_state::interpreted_session(std::string file_name, std::string text,
                                                                     const tutorials::run_options& options,
                                                                     std::optional<python::syntax_error>& problem,
                                                                     bool record_stderr) const {
  python::program_options po;
  po.record_stderr = record_stderr;
  po.limits = limits;
  po.seed = options.seed;
  auto program = edited_program::compile(file_name, std::move(text), po, problem);
  if (!program) return nullptr;
  return std::make_unique<tutorials::session>(std::move(program), options);
}

bool app_state::run() {
  if (selected_ == nullptr && !own_program_) {
    message_ = "No tutorial selected.";
    return false;
  }
  tutorials::run_options options;
  if (std::string problem = check(settings, options); !problem.empty()) {
    message_ = std::move(problem);
    return false;
  }
  options.loop_states = want_loop_states_ || (record_chains && (selected_ == nullptr || tutorials::from_seed(*selected_->info)));
  options.step_slice = step_slice;
  options.slice_ms = slice_ms;
  stepper_.reset();  // it reads the old run's recording
  compare_session_.reset();  // the old runs' coroutines die before the new loops start
  session_.reset();
  try {
    std::optional<python::syntax_error> problem;
    if (interprets()) {
      // An edited program: the interpreter runs it (a SyntaxError runs nothing, as python3).
      session_ = interpreted_session(program_.file_name(), program_.text(), options, problem);
      if (!session_) {
        end_run();
        syntax_problem_ = std::move(problem);
        ++syntax_serial_;
        message_ = describe(*syntax_problem_);
        return false;
      }
    } else {
      session_ = std::make_unique<tutorials::session>(*selected_, options);
    }
    if (compared_ != nullptr) compare_session_ = std::make_unique<tutorials::session>(*compared_, options);
    // The tutorial's own .py on the interpreter beside its twin (it always compiles).
    if (compare_interpreter_ && selected_ != nullptr)
      compare_session_ = interpreted_session(std::string(selected_->slug()) + ".py",
                                             std::string(selected_->python_source), options, problem,
                                             false);  // the twin has no Python frames to print
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
  reset_stepper();
  message_.clear();
  if (syntax_problem_) ++syntax_serial_;
  syntax_problem_.reset();
  return true;
}

bool app_state::stop() {
  if (!running()) return false;
  stopped_ = true;
  return true;
}

void app_state::tick(double real_dt) {
  if (!session_ || halted_ || stopped_ || paused_) return;
  try {
    tutorials::session* const runs[] = {session_.get(), compare_session_.get()};
    // In the page a run's share of each frame is wall time (run_options::slice_ms), which bounds
    // it better than a count of callbacks: a million cheap ones fit where a few slow ones do not.
    clock_.tick(std::span(runs, compare_session_ ? 2 : 1), real_dt, settings.speed,
                slice_ms > 0.0 ? std::numeric_limits<std::size_t>::max() : frame_budget);
    if (stepper_) stepper_->seek_time(clock_.now());  // the Event loop view follows the playhead
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

double app_state::playhead() const { return paused_ && stepper_ ? stepper_->time() : clock_.now(); }

void app_state::reset_stepper() {
  paused_ = false;
  stepper_.reset();
  if (!session_ || !session_->trace().records_loop_states()) return;
  // CPython's TimerHandle compares deadlines only; the other policies break ties by sequence.
  stepper_.emplace(session_->trace(), session_->options().ties == tie_policy::cpython_heap
                                          ? heap_order::deadline_only
                                          : heap_order::deadline_then_seq);
  stepper_->seek_time(clock_.now());
}

const std::vector<task_chain>& app_state::chains_at_playhead() {
  static const std::vector<task_chain> none;
  if (!stepper_) return none;
  const std::vector<task_chain>& recorded = stepper_->picture().state.chains;
  // Inside the recording the next iteration's snapshot says what a batch left (loop_stepper);
  // at the end of the newest iteration there is none yet: the loop says what changed since.
  const std::size_t n = stepper_->iterations();
  const loop_position at = stepper_->position();
  if (n == 0 || at.iteration + 1 != n || at.sub < stepper_->steps_in(at.iteration)) return recorded;
  const live_key key{run_serial_, n, session_->mid_iteration(), session_->finished()};
  if (live_key_ != key) {
    live_key_ = key;
    live_valid_ = session_->chains_since_last_iteration(delta_);
    if (live_valid_) live_chains_ = apply_chain_delta(recorded, delta_);
  }
  return live_valid_ ? live_chains_ : recorded;
}

void app_state::want_loop_states(bool on) {
  want_loop_states_ = on;
  if (on && session_ && !session_->trace().records_loop_states()) run();  // the same run, recorded
}

bool app_state::toggle_pause() {
  if (!stepper_) return false;
  if (paused_) {
    paused_ = false;
    return true;
  }
  return pause_for_stepping();
}

bool app_state::pause_for_stepping() {
  if (!stepper_) return false;
  if (!paused_) stepper_->seek_time(clock_.now());
  paused_ = true;
  return true;
}

bool app_state::step(loop_move move, int direction) {
  if (!pause_for_stepping()) return false;
  const auto once = [&] {
    switch (move) {
      case loop_move::callback: return stepper_->step(direction);
      case loop_move::iteration: return stepper_->step_iteration(direction);
      case loop_move::line: return stepper_->step_line(direction);
    }
    return false;
  };
  if (once()) return true;
  // At the last recorded iteration of a run still playing: let the loop run a little further.
  if (direction <= 0 || !running(session_.get())) return false;
  try {
    session_->advance(session_->next_event_time(), frame_budget);
  } catch (const std::exception& e) {
    message_ = std::string("The run stopped: ") + e.what();
    halted_ = true;
    return false;
  }
  return once();
}

void app_state::scrub(double t) {
  if (!want_loop_states_ && session_) want_loop_states(true);  // scrubbing shows the Event loop view
  if (!pause_for_stepping()) return;
  // A run still playing has not reached every time yet: run it up to `t` first.
  if (running(session_.get()) && t > session_->now()) {
    try {
      session_->advance(t, frame_budget);
    } catch (const std::exception& e) {
      message_ = std::string("The run stopped: ") + e.what();
      halted_ = true;
    }
  }
  stepper_->seek_time(t);
}

}  // namespace asyncrace::ui
