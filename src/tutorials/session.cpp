#include "session.hpp"

#include <cmath>
#include <limits>

#include "sched/asyncio.hpp"
#include "sched/py_exception.hpp"

namespace asyncrace::tutorials {

std::string validate(const run_options& o) {
  if (!(o.jitter_us >= 0.0) || o.jitter_us > 1e6)
    return "jitter must be between 0 and 1000000 µs (got " + py_float_repr(o.jitter_us) + ")";
  return {};
}

struct session::state {
  explicit state(const loop_options& o) : loop(o), run(loop) {}
  event_loop loop;
  runner run;  // asyncio.run, one iteration at a time
  bool done = false;
};

session::session(const tutorial& t, const run_options& o)
    : tutorial_(t), options_(o), error_(validate(o)) {
  if (!error_.empty()) return;  // nothing runs with options that make no sense
  state_ = std::make_unique<state>(loop_options{o.ties, o.seed, o.jitter_us});
  state_->loop.set_observer(&trace_);
  state_->run.start(t.info->main());
}

session::~session() = default;

bool session::finished() const { return !state_ || state_->done; }

double session::now() const { return state_ ? state_->loop.time() : 0.0; }

double session::next_event_time() const {
  return finished() ? std::numeric_limits<double>::infinity() : state_->loop.next_event_time();
}

void session::advance(double until, std::size_t budget) {
  while (!finished() && budget-- > 0 && state_->loop.next_event_time() <= until) {
    try {
      if (state_->run.step()) continue;
    } catch (const deadlock_error& e) {
      error_ = e.what();
      trace_.output(no_task, output_stream::exception, "RuntimeError: " + error_, now());
      state_->done = true;
      return;
    }
    state_->done = true;
    // asyncio.run re-raises what main raised: CPython prints the traceback's last line.
    if (std::exception_ptr e = state_->run.main_exception()) {
      try {
        std::rethrow_exception(e);
      } catch (const py_exception& pe) {
        error_ = pe.python_text();
      } catch (const std::exception& se) {
        error_ = std::string("Exception: ") + se.what();
      }
      trace_.output(no_task, output_stream::exception, error_, now());
    }
  }
}

void session::run_to_end() {
  while (!finished()) advance(std::numeric_limits<double>::infinity());
}

}  // namespace asyncrace::tutorials
