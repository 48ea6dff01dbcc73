#include "session.hpp"

#include <cmath>
#include <limits>

#include "pool/real_executors.hpp"
#include "pyrt/python_source.hpp"
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
  std::unique_ptr<executor_factory> executors;  // null: virtual workers; outlives the loop
  event_loop loop;
  python_source python;  // names Python lines in reprs and warnings
  program_runner run;    // the module code and each asyncio.run in it, one step at a time
};

session::session(const tutorial& t, const run_options& o)
    : tutorial_(t), options_(o), error_(validate(o)) {
  if (!error_.empty()) return;  // nothing runs with options that make no sense
  std::unique_ptr<executor_factory> real;
  if (o.executors == executor_mode::real)
    real = pool::make_real_executors(o.workers > 0 ? o.workers : pool::hardware_workers());
  state_ = std::make_unique<state>(loop_options{o.ties, o.seed, o.jitter_us}, std::move(real), t);
  state_->loop.set_observer(&trace_);
}

session::~session() = default;

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

void session::advance(double until, std::size_t budget) {
  while (!finished() && budget-- > 0 && next_event_time() <= until && !waiting_for_workers()) {
    if (!state_->run.step() && !state_->run.error().empty()) error_ = state_->run.error();
  }
}

void session::run_to_end() {
  while (!finished()) {
    advance(std::numeric_limits<double>::infinity());
    if (waiting_for_workers()) state_->loop.refuse_to_block();  // the page's workers: step instead
  }
}

}  // namespace asyncrace::tutorials
