// One run of a tutorial on a fresh event loop: the narrow interface through which the CLI and the
// UI drive the scheduler. It can run to the end at once (CLI, tests) or be advanced step by step
// against a target virtual time (the page, which must never block the browser's event loop).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "loop/tie_policy.hpp"

namespace asyncrace::python {
class compiled_program;
}
#include "trace/recording.hpp"
#include "tutorial_info.hpp"

namespace asyncrace::tutorials {

// Who runs executor jobs (to_thread, run_in_executor): virtual workers on the virtual clock (the
// deterministic transcripts), or real ones (src/pool), whose times are measured.
enum class executor_mode : std::uint8_t { virtual_workers, real };

struct run_options {
  tie_policy ties = tie_policy::fifo;
  std::uint64_t seed = 1;   // jitter seed
  double jitter_us = 50.0;  // jitter: each timer's deadline gets uniform [0, jitter_us) µs added
  executor_mode executors = executor_mode::virtual_workers;
  int workers = 0;  // real mode: at most this many workers per pool; 0 for the hardware threads
  // Record the loop's state per iteration in the trace (trace::recording::loop_states()).
  bool loop_states = false;
  // An interpreted run's instructions per advance() (the page: a frame's share, so a program
  // that computes never freezes the tab); 0 runs each step to its end (the CLI, the tests).
  std::uint64_t step_slice = 0;
  // > 0: each advance() returns after about this many milliseconds of wall time (up to
  // max_slice_stretch times more when the caller spent as long elsewhere since the last call),
  // even in the middle of an iteration's batch (a C++ twin's million steps too), and step_slice
  // is only the first slice's size: later ones adapt to take slice_ms (python::slice_tuner). The
  // run is the same whatever the sizes.
  double slice_ms = 0.0;
};
inline constexpr double max_slice_stretch = 5.0;

// Checks options a user typed (CLI, page): empty when valid, else a message naming the problem.
std::string validate(const run_options& o);

class session {
 public:
  // A tutorial's C++ twin.
  session(const tutorial& t, const run_options& o);
  // A program run by the Python interpreter (compiled already: a SyntaxError never gets here).
  session(std::shared_ptr<python::compiled_program> p, const run_options& o);
  ~session();
  session(const session&) = delete;
  session& operator=(const session&) = delete;

  // Runs every loop iteration that starts at a virtual time <= `until`, stopping early after
  // `budget` callbacks so a caller on the browser's main loop can never be frozen, or when it
  // would have to wait for real workers, or (interpreted, with run_options::step_slice) when the
  // slice of instructions is spent, even inside a Task's step, or (run_options::slice_ms) when
  // its wall time is, even between two callbacks of one iteration: the next advance goes on there.
  void advance(double until, std::size_t budget = 100000);
  void run_to_end();

  bool finished() const;  // main returned or failed, or the run stopped on an error
  double now() const;     // the loop's clock (live: it follows the wall while real jobs are out)
  // Real executor jobs are out (their times are measured): the clock is the wall clock.
  bool workers_busy() const;
  // Nothing can run until a real job hands its outcome back; advance() returns at once then
  // (in the browser the outcome arrives between frames).
  bool waiting_for_workers() const;
  // Virtual time of the next thing the loop will do (infinity when finished).
  double next_event_time() const;
  // The await chains that changed since the newest recorded iteration began, i.e. what its batch
  // (and anything after it) changed: event_loop::chains_since_snapshot. False without recorded
  // loop states, or while a step is stopped at the end of a slice.
  bool chains_since_last_iteration(chain_delta& out) const;
  // A Task's step stopped at the end of a slice: the loop's iteration is not over.
  bool mid_iteration() const;
  const trace::recording& trace() const { return trace_; }
  // Why the run ended abnormally (deadlock, uncaught exception); empty otherwise.
  const std::string& error() const { return error_; }
  // The tutorial a twin session runs (an interpreted session has none).
  const tutorial& source() const { return *tutorial_; }
  bool interpreted() const { return tutorial_ == nullptr; }
  // The file the run's Python is named by in tracebacks: "<slug>.py", or the program's own name.
  std::string program_name() const;
  const run_options& options() const { return options_; }

 private:
  struct state;
  const tutorial* tutorial_ = nullptr;
  std::string program_name_;
  run_options options_;
  trace::recording trace_;
  std::string error_;
  std::unique_ptr<state> state_;
};

}  // namespace asyncrace::tutorials
