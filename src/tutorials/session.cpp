#include "session.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <limits>

#include "pool/real_executors.hpp"
#include "pyrt/python_source.hpp"
#include "python/interpreter.hpp"
#include "python/program_run.hpp"
#include "python/slice_tuner.hpp"
#include "python/slices.hpp"
#include "sched/asyncio.hpp"

namespace asyncrace::tutorials {

std::string validate(const run_options& o) {
  if (!(o.jitter_us >= 0.0) || o.jitter_us > 1e6)
    return "jitter must be between 0 and 1000000 µs (got " + py_float_repr(o.jitter_us) + ")";
  if (o.workers < 0 || o.workers > pool::max_user_workers)
    return "workers must be between 1 and " + std::to_string(pool::max_user_workers) + " (got " +
           std::to_string(o.workers) + ")";
  if (o.executors == executor_mode::real && !pool::real_executors_available())
    return "real workers are not available here (no threads or Web Workers): virtual workers only";
  return {};
}

struct session::state {
  state(loop_options o, std::unique_ptr<executor_factory> real, const tutorial& t)
      : executors(std::move(real)),
        loop((o.executors = executors.get(), o)),
        python(std::string(t.slug()) + ".py", t.python_source, t.cpp_source),
        run(loop, t.info->script()) {
    loop.set_python(&python);
  }
  state(loop_options o, std::unique_ptr<executor_factory> real, std::shared_ptr<python::compiled_program> p)
      : interpreted(std::move(p)),
        executors(std::move(real)),
        loop((o.executors = executors.get(), o)),
        python(interpreted->python()),
        run(loop, interpreted->script()) {
    loop.set_python(&python);
  }
  ~state() {
    if (interpreted) interpreted->interp().make_current();  // what the loop drops dies in its interpreter
  }
  // Activates the interpreter (if any) whose code this session's loop runs.
  void enter() const {
    if (interpreted) interpreted->interp().make_current();
  }
  std::shared_ptr<python::compiled_program> interpreted;  // outlives the loop: its values die in it
  std::unique_ptr<executor_factory> executors;  // null: virtual workers; outlives the loop
  event_loop loop;
  python_source python;  // names Python lines in reprs and warnings
  program_runner run;    // the module code and each asyncio.run in it, one step at a time
  std::optional<python::slice_tuner> slices;  // run_options::slice_ms: adaptive slice sizes
  std::chrono::steady_clock::time_point returned{};  // when advance() last returned (the page)
};

namespace {
std::unique_ptr<executor_factory> executors_for(const run_options& o) {
  if (o.executors != executor_mode::real) return nullptr;
  return pool::make_real_executors(o.workers > 0 ? o.workers : pool::hardware_workers());
}
}  // namespace

session::session(const tutorial& t, const run_options& o) : tutorial_(&t), options_(o), error_(validate(o)) {
  if (!error_.empty()) return;  // nothing runs with options that make no sense
  state_ = std::make_unique<state>(loop_options{o.ties, o.seed, o.jitter_us}, executors_for(o), t);
  trace_.record_loop_states(o.loop_states);
  state_->loop.set_observer(&trace_);
}

std::string session::program_name() const { return tutorial_ ? std::string(tutorial_->slug()) + ".py" : program_name_; }

session::session(std::shared_ptr<python::compiled_program> p, const run_options& o)
    : program_name_(p->source().name()), options_(o), error_(validate(o)) {
  if (!error_.empty()) return;
  p->interp().make_current();
  state_ = std::make_unique<state>(loop_options{o.ties, o.seed, o.jitter_us}, executors_for(o), std::move(p));
  if (o.step_slice > 0 && o.slice_ms > 0.0) {
    python::slice_bounds b;
    b.start = o.step_slice;
    b.target_ms = o.slice_ms;
    state_->slices.emplace(b);
  }
  trace_.record_loop_states(o.loop_states);
  state_->loop.set_observer(&trace_);
}

session::~session() {
  if (state_) state_->enter();
  state_.reset();
}

bool session::finished() const { return !state_ || state_->run.finished(); }

double session::now() const { return state_ ? state_->loop.live_time() : 0.0; }

bool session::workers_busy() const { return state_ && !finished() && state_->loop.external_pending() > 0; }

bool session::waiting_for_workers() const {
  return state_ && !finished() && state_->run.in_run() && state_->loop.waiting_for_external();
}

double session::next_event_time() const {
  if (finished()) return std::numeric_limits<double>::infinity();
  // Module code between two runs goes on at once.
  return state_->run.in_run() ? state_->loop.next_event_time() : state_->loop.time();
}

bool session::mid_iteration() const { return state_ && state_->loop.mid_iteration(); }

bool session::chains_since_last_iteration(chain_delta& out) const {
  if (!state_ || !trace_.records_loop_states()) {
    out = {};
    return false;
  }
  state_->enter();  // an interpreted chain reads its frames' lines
  return state_->loop.chains_since_snapshot(out);
}

void session::advance(double until, std::size_t budget) {
  if (!state_) return;
  state_->enter();
  python::interpreter* in = state_->interpreted ? &state_->interpreted->interp() : nullptr;
  python::slice_tuner* const tuner = in && state_->slices ? &*state_->slices : nullptr;
  const auto began = std::chrono::steady_clock::now();
  // The page (run_options::slice_ms): a frame's share of wall time per call, for a C++ twin too.
  // An iteration with a million steps stops between two of them (event_loop::set_slice_end) and
  // goes on at the next call. The share is as long as the page spent elsewhere since the last
  // call (drawing, the browser), within [slice_ms, max_slice_stretch × slice_ms]: where drawing is
  // slow (no GPU) a run still gets half the time instead of a sliver, where it is fast a frame
  // still keeps its 60 Hz. The interpreter's slice of instructions is not stretched: its speed
  // is only measured, and a program whose instructions slow down as it runs (one filling the
  // memory) would overshoot a stretched slice many times over.
  const bool timed = options_.slice_ms > 0.0;
  double work_ms = options_.slice_ms;
  if (timed && state_->returned != std::chrono::steady_clock::time_point{}) {
    const double away_ms = std::chrono::duration<double, std::milli>(began - state_->returned).count();
    work_ms = std::clamp(away_ms, options_.slice_ms, max_slice_stretch * options_.slice_ms);
  }
  if (in) python::begin_slice(*in, tuner ? tuner->size() : options_.step_slice);
  const std::uint64_t steps_before = in ? in->steps : 0;
  const auto slice_end = began + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                     std::chrono::duration<double, std::milli>(work_ms));
  if (timed) state_->loop.set_slice_end(slice_end);
  unsigned iterations = 0;
  while (!finished() && budget-- > 0 && next_event_time() <= until && !waiting_for_workers()) {
    if (!state_->run.step() && !state_->run.error().empty()) error_ = state_->run.error();
    if (in && python::slice_spent(*in)) {  // back to the browser; on from here next frame
      // A used-up slice measures how fast this program computes here: the next one is sized by it.
      if (tuner)
        tuner->record(in->steps - steps_before,
                      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count());
      break;
    }
    // (The clock is read every 16th iteration: in the page a read is a call out to JavaScript.)
    if (timed && (mid_iteration() || ((++iterations & 15) == 0 && std::chrono::steady_clock::now() >= slice_end)))
      break;
  }
  if (timed) {
    state_->loop.set_slice_end(std::chrono::steady_clock::time_point::max());
    state_->returned = std::chrono::steady_clock::now();
  }
}

void session::run_to_end() {
  while (!finished()) {
    advance(std::numeric_limits<double>::infinity());
    if (waiting_for_workers()) state_->loop.refuse_to_block();  // the page's workers: step instead
  }
}

}  // namespace asyncrace::tutorials
