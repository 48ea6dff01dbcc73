// What the playground is showing: the selected tutorial, the options the learner set, the current
// run (a tutorials::session) and how far playback has got. Views read it; controls change it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "edited_program.hpp"
#include "loop_stepper.hpp"
#include "playback.hpp"
#include "loop/tie_policy.hpp"
#include "python/limits.hpp"
#include "tutorials/session.hpp"
#include "tutorials/tutorial_info.hpp"

namespace asyncrace::ui {

inline constexpr std::string_view default_tutorial = "nine_tasks_race";
// compare=interpreter: the selected tutorial's .py on the interpreter beside its C++ twin.
inline constexpr std::string_view compare_interpreter_slug = "interpreter";

struct run_settings {
  // CPython's heapq order is what a virtual clock (all deadlines equal) really gives: the seed's order.
  tie_policy ties = tie_policy::cpython_heap;
  std::string seed_text = "1";  // as typed; parsed when a run starts
  double jitter_us = 50.0;
  playback_speed speed = playback_speed::real_time;
  // Who runs executor jobs: the transcripts' virtual workers, or real ones (Web Workers in the
  // page, threads natively), at most `workers` per pool (1 … hardware threads).
  tutorials::executor_mode executors = tutorials::executor_mode::virtual_workers;
  int workers = 2;
};

// "virtual" | "real"
std::string_view to_string(tutorials::executor_mode m);
bool parse_executor_mode(std::string_view text, tutorials::executor_mode& out);
// What the real workers are here: "Web Workers" in the page, "threads" natively.
std::string_view real_workers_name();
// Real workers exist here (not under node), and how many hardware threads there are.
bool real_workers_available();
int hardware_threads();

// Parses a jitter seed typed by the learner; on failure returns false and says why in `error`.
bool parse_seed(std::string_view text, std::uint64_t& seed, std::string& error);

// How a run is named in headers, exports and the console: the tutorial's slug for a C++ twin,
// "<name> (interpreter)" for an interpreted program.
std::string run_name(const tutorials::session& run);

class app_state {
 public:
  app_state();

  // The selected tutorial (null for "Your program").
  const tutorials::tutorial* selected() const { return selected_; }
  // Selects a tutorial by slug, or "Your program" by own_program_slug (ending the current run;
  // the editor starts again from its text); false, with a message, when unknown.
  bool select(std::string_view slug);
  // "Your program" is selected: there is no tutorial, only the edited text.
  bool own_program() const { return own_program_; }
  // The selection's slug: a tutorial's, or own_program_slug.
  std::string_view selection_slug() const;
  // Counts selections, so the page's editor loads the new text.
  std::uint64_t selection_serial() const { return selection_serial_; }

  // The Python the learner edits (the page's editor sends each change).
  const edited_program& program() const { return program_; }
  void set_source(std::string text) { program_.set_text(std::move(text)); }
  // The next run interprets the edited text (it differs from the tutorial's, or it is the
  // learner's own program); otherwise the tutorial's C++ twin runs.
  bool interprets() const { return own_program_ || program_.edited(); }
  // The last Run's SyntaxError (nothing ran), until the next run; and a count of its changes.
  const std::optional<python::syntax_error>& syntax_problem() const { return syntax_problem_; }
  std::uint64_t syntax_serial() const { return syntax_serial_; }

  run_settings settings;
  // Caps for interpreted programs (the page lowers the step cap so a runaway loop ends quickly).
  python::run_limits limits;
  std::uint64_t step_slice = 0;  // tutorials::run_options::step_slice for interpreted runs
  double slice_ms = 0.0;         // tutorials::run_options::slice_ms (adaptive slices)
  // Runs record their await chains (loop states) for the editor's links to the picture
  // (code_links.hpp): the page sets it; the scale tutorials' huge runs never do.
  bool record_chains = false;
  // The pending tasks' await chains at the playhead (empty when the run records none). At the end
  // of the newest recorded iteration (a run playing, or its end), the recording's chains with what
  // that iteration's batch changed (the next snapshot is not taken yet): exact, with no lag.
  const std::vector<task_chain>& chains_at_playhead();

  // What is wrong with `settings` as typed (checked live, before Run); empty when they are valid.
  std::string settings_problem() const;
  // Starts a fresh run of the selected tutorial (and of the compared one, with the same settings).
  // Bad settings leave a message and no run.
  bool run();
  // Advances playback by one frame's real time.
  void tick(double real_dt);
  // Stops a playing run where the playhead is (Esc): its trace so far stays to look at and
  // export; Run starts afresh. False when nothing was playing.
  bool stop();
  // The run was stopped by the learner (not finished, not failed).
  bool stopped() const { return stopped_; }
  // Chooses who runs executor jobs (and how many): starts real workers ahead of need, and runs
  // the tutorial again at once when a run is shown, so the lanes reflect the choice. False, with
  // a message, when that is not possible here (workers out of 1 … 256, no real workers).
  bool set_executors(tutorials::executor_mode mode, int workers);

  // Compare mode: another tutorial run beside the selected one, same settings, same clock.
  const tutorials::tutorial* compared() const { return compared_; }
  // Compare mode against the interpreter: the selected tutorial's own .py on the interpreter
  // beside its C++ twin (compare_interpreter_slug).
  bool compares_interpreter() const { return compare_interpreter_; }
  // Sets the tutorial to compare with (empty: none; compare_interpreter_slug: the interpreter),
  // ending the current run; false, with a message, when unknown or the selected one itself.
  bool set_compare(std::string_view slug);

  const tutorials::session* session() const { return session_.get(); }
  // The compared tutorial's run (null when not comparing or not run yet).
  const tutorials::session* compare_session() const { return compare_session_.get(); }
  // True while any run still has something to play.
  bool running() const;
  bool running(const tutorials::session* run) const;
  // True while every playing run has jobs out on real workers (their clock follows the wall clock
  // meanwhile, whatever the speed).
  bool waiting_on_workers() const;
  // Where the views are: the playback clock, or while paused the stepper's position.
  double playhead() const;
  // Counts runs, so views can reset (scroll, zoom to fit) when a new one starts.
  std::uint64_t run_serial() const { return run_serial_; }
  // The last problem to show the learner (bad input, failed run); empty when all is well.
  const std::string& message() const { return message_; }
  // Shows a problem found outside the page (a bad launch option or share link).
  void report(std::string problem) { message_ = std::move(problem); }

  // The Event loop view and its stepper (issue 11). While the view is shown, runs record the
  // loop's state per iteration; showing it over a run that did not runs that one again.
  void want_loop_states(bool on);
  bool wants_loop_states() const { return want_loop_states_; }
  // The selected run's stepper (null without a run that records loop states).
  loop_stepper* stepper() { return stepper_ ? &*stepper_ : nullptr; }
  const loop_stepper* stepper() const { return stepper_ ? &*stepper_ : nullptr; }
  // Paused: playback stands still and the views show the stepper's position (Space toggles).
  bool paused() const { return paused_; }
  bool toggle_pause();  // false without a stepper
  enum class loop_move { callback, iteration, line };
  // Pauses and moves the stepper (direction +1 / -1); a paused run still playing is advanced as
  // far as a forward step needs. False when there was nowhere to go.
  bool step(loop_move move, int direction);
  // Pauses at virtual time `t` (a drag on the time axis).
  void scrub(double t);

 private:
  const tutorials::tutorial* selected_ = nullptr;
  const tutorials::tutorial* compared_ = nullptr;
  bool compare_interpreter_ = false;
  bool own_program_ = false;
  edited_program program_;
  std::optional<python::syntax_error> syntax_problem_;
  std::uint64_t selection_serial_ = 0;
  std::uint64_t syntax_serial_ = 0;
  // Compiles and starts an interpreted run; null, with the SyntaxError in `problem`, when it
  // does not compile.
  std::unique_ptr<tutorials::session> interpreted_session(std::string file_name, std::string text,
                                                          const tutorials::run_options& options,
                                                          std::optional<python::syntax_error>& problem, bool record_stderr = true) const;
  std::unique_ptr<tutorials::session> session_;
  std::unique_ptr<tutorials::session> compare_session_;
  playback_clock clock_;  // one clock for both runs

  void end_run();
  std::uint64_t run_serial_ = 0;
  bool halted_ = false;  // the run threw past the session: keep its trace, stop playing
  bool stopped_ = false;  // the learner stopped it (stop()): also keeps its trace
  bool want_loop_states_ = false;
  bool paused_ = false;
  std::optional<loop_stepper> stepper_;  // over session_'s recording
  // chains_at_playhead at the newest iteration's end: the stepper's chains with the session's
  // delta, made again only when the run, its iteration count or its mid-slice state changes.
  std::vector<task_chain> live_chains_;
  // (Between two snapshots only the newest batch changes chains, and it runs within one advance
  // unless a slice stops a step in it.)
  struct live_key {
    std::uint64_t run = 0;
    std::size_t iterations = 0;
    bool mid_iteration = false;
    bool finished = false;
    bool operator==(const live_key&) const = default;
  };
  std::optional<live_key> live_key_;
  bool live_valid_ = false;
  chain_delta delta_;
  void reset_stepper();
  bool pause_for_stepping();
  std::string message_;
};

}  // namespace asyncrace::ui
