#include "loop/event_loop.hpp"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <thread>

#include "loop/await_chain.hpp"
#include "loop/executor.hpp"
#include "loop/heap_mirror.hpp"
#include "loop/future.hpp"
#include "loop/task.hpp"
#include "loop/task_driver.hpp"

namespace asyncrace {
namespace {
thread_local event_loop* current_loop = nullptr;

// time.get_clock_info('monotonic').resolution on Linux: _run_once fires every timer whose deadline
// is below now + resolution, so a deadline equal to now is due.
constexpr double clock_resolution = 1e-9;
}  // namespace

running_scope::running_scope(event_loop* loop) : previous_(std::exchange(current_loop, loop)) {}
running_scope::~running_scope() { current_loop = previous_; }

struct event_loop::steps {
  explicit steps(tie_policy p) : mirror(p) {}
  heap_mirror mirror;
  std::vector<ready_entry> ready;   // one per entry of ready_, in the same order
  std::vector<timer_entry> popped;  // this iteration's pops (not cancelled)
  std::size_t pops = 0;             // this iteration's pops, cancelled ones included
  std::uint64_t iteration = 0;
  std::vector<task_driver*> changed;  // tasks created or stepped since the last snapshot (null: finished)
  std::vector<task_chain> chains;     // their chains, for the snapshot
  std::vector<task_id> finished;      // tasks finished since the last snapshot
};

event_loop::event_loop(const loop_options& options)
    : timers_(options.ties), options_(options), jitter_rng_(options.jitter_seed), external_(options.executors) {}

event_loop::~event_loop() {
  // Real work still out there refers to this loop: wait for it (its completions are dropped with
  // the ready queue below). Work that hands back between iterations cannot arrive while this
  // runs: its factory drops it.
  external_.drain(ready_);
  // Tasks still unfinished: destroy every frame first (frames hold references to other tasks and
  // gathers), drop the callbacks that will never run (they may own references), then drop the
  // loop's own reference to each task.
  running_scope scope(this);
  std::vector<task_driver*> unfinished = tasks_.take_unfinished();
  for (task_driver* d : unfinished) d->self()->add_ref();
  for (task_driver* d : unfinished) d->abandon();
  for (task_driver* d : unfinished) d->self()->discard_callbacks();
  for (const callback& cb : std::exchange(ready_, {})) cb.discard();
  // Torn down mid-iteration (a stopped run): the rest of the batch never runs.
  for (const callback& cb : std::exchange(running_, {})) cb.discard();
  for (task_driver* d : unfinished) {
    future_core* f = d->self();
    f->release();  // the hold above
    f->release();  // the loop's reference
  }
  default_executor_.reset();  // last: nothing of the loop refers to it any more
}

event_loop* event_loop::current() { return current_loop; }

timer_id event_loop::schedule(double when, callback cb, ready_kind kind, double* deadline) {
  if (options_.ties == tie_policy::jitter) when += jitter_rng_.random() * options_.jitter_us * 1e-6;
  if (deadline) *deadline = when;
  if (!steps_) return timers_.push(when, cb);
  const std::uint64_t seq = timers_.next_seq();
  const timer_id id = timers_.push(when, cb);
  task_driver* by = task_driver::running();
  steps_->mirror.push({when, seq, by ? by->id : no_task, kind, false}, id.slot);
  return id;
}

void event_loop::cancel_timer(timer_id id) {
  if (timers_.cancel(id) && steps_) steps_->mirror.cancel(id.slot);
}

void event_loop::set_default_executor(std::unique_ptr<executor> pool) { default_executor_ = std::move(pool); }

void event_loop::set_observer(loop_observer* o) {
  observer_ = o;
  forget_chain_changes();
  steps_.reset();
  // Snapshots need to have seen every timer: an observer attached later gets none.
  if (o && o->wants_iterations() && timers_.empty()) {
    steps_ = std::make_unique<steps>(options_.ties);
    steps_->ready.assign(ready_.size(), ready_entry{});
  }
}

void event_loop::tag_ready(const callback& cb, ready_kind kind) {
  if (cb.fn == &callback::call<&task_driver::step_callback>) {
    const task_id id = static_cast<const task_driver*>(cb.arg)->id;
    steps_->ready.push_back({id, kind == ready_kind::done_callback ? ready_kind::wakeup : ready_kind::step});
    return;
  }
  task_driver* by = task_driver::running();
  steps_->ready.push_back({by ? by->id : no_task, kind});
}

void event_loop::snapshot() {
  steps& st = *steps_;
  assert(st.ready.size() == ready_.size());
  loop_snapshot s;
  s.iteration = st.iteration++;
  s.t = now_;
  s.ready = st.ready;
  s.timers = st.mirror.array();
  st.mirror.drop_cut_off();
  s.changed = st.mirror.changed();
  s.popped = st.popped;
  for (task_driver* d : st.changed) {
    if (!d) continue;
    st.chains.push_back({d->id, build_await_chain(*d, python_)});
    d->chain_slot = 0;
  }
  st.changed.clear();
  std::sort(st.chains.begin(), st.chains.end(), [](const task_chain& a, const task_chain& b) { return a.task < b.task; });
  std::sort(st.finished.begin(), st.finished.end());
  s.chains = st.chains;
  s.finished = st.finished;
  const bool more = observer_->iteration(s);
  st.chains.clear();
  st.finished.clear();
  st.mirror.clear_changed();
  for (; st.pops > 0; --st.pops) st.mirror.pop();
  st.ready.clear();
  st.popped.clear();
  if (!more) {
    forget_chain_changes();
    steps_.reset();
  }
}

bool event_loop::chains_since_snapshot(chain_delta& out) const {
  out.changed.clear();
  out.finished.clear();
  if (!steps_ || mid_iteration()) return false;
  // As snapshot() builds them, without taking one: the next snapshot builds them again (a chain
  // only changes while its task steps, so both see the same).
  for (const task_driver* d : steps_->changed)
    if (d) out.changed.push_back({d->id, build_await_chain(*d, python_)});
  std::sort(out.changed.begin(), out.changed.end(), [](const task_chain& a, const task_chain& b) { return a.task < b.task; });
  out.finished = steps_->finished;
  std::sort(out.finished.begin(), out.finished.end());
  return true;
}

void event_loop::chain_changes(task_driver& d) {
  if (d.chain_slot) return;
  steps_->changed.push_back(&d);
  d.chain_slot = static_cast<std::uint32_t>(steps_->changed.size());
}

void event_loop::forget_chain_changes() {
  if (!steps_) return;
  for (task_driver* d : steps_->changed)
    if (d) d->chain_slot = 0;
  steps_->changed.clear();
}

double event_loop::next_event_time() const {
  if (!ready_.empty() || stopping_ || mid_iteration()) return now_;
  if (external_.handed_back()) return now_;  // taken in the next iteration
  if (timers_.empty()) return std::numeric_limits<double>::infinity();
  return timers_.top_when() > now_ ? timers_.top_when() : now_;
}

double event_loop::time_at(std::chrono::steady_clock::time_point t) const { return now_ - external_.before_sync(t); }

double event_loop::live_time() const { return external_.pending() == 0 ? now_ : now_ + external_.since_sync(); }

bool event_loop::waiting_for_external() const {
  if (external_.pending() == 0 || !ready_.empty() || stopping_ || mid_iteration() || external_.may_wait()) return false;
  if (external_.handed_back()) return false;
  return timers_.empty() || timers_.top_when() > live_time();
}

void event_loop::refuse_to_block() const {
  if (waiting_for_external())
    throw std::logic_error("cannot run to the end while waiting for work that hands back between iterations: "
                           "step the loop with run_once and return to the event loop the work reports to");
}

void event_loop::take_external() {
  sync_clock();
  // With nothing to do, wait for a completion until the next timer is due (or for no limit).
  std::optional<double> wait;
  if (ready_.empty() && !stopping_ && external_.may_wait()) {
    timers_.prune_cancelled();
    wait = timers_.empty() ? std::numeric_limits<double>::infinity() : std::max(0.0, timers_.top_when() - now_);
  }
  external_.take(ready_, wait);
  if (steps_) steps_->ready.resize(ready_.size(), {no_task, ready_kind::external});
  sync_clock();  // the time waited; from here on, with nothing outstanding, the clock jumps again
}

bool event_loop::run_once() {
  running_scope scope(this);
  if (task_driver* d = std::exchange(paused_, nullptr)) {
    d->step();  // the step the last slice ended in, then the rest of its batch
    if (paused_ != nullptr) return true;
    return run_batch();
  }
  if (std::exchange(batch_paused_, false)) return run_batch();  // the rest of the batch
  timers_.prune_cancelled();
  if (steps_) steps_->mirror.prune();
  if (external_.pending() > 0) take_external();
  if (ready_.empty() && !stopping_) {
    // Work still out that hands back between iterations: nothing to do until it does (or until
    // the next timer is due on the wall clock).
    if (external_.pending() > 0 && !external_.may_wait() && (timers_.empty() || timers_.top_when() > now_)) return true;
    if (timers_.empty()) return false;
    // Nothing to do now: the virtual clock jumps exactly to the earliest deadline.
    if (timers_.top_when() > now_) now_ = timers_.top_when();
  }
  const double end_time = now_ + clock_resolution;
  while (!timers_.empty() && timers_.top_when() < end_time) {
    if (steps_) {
      // The mirror pops the same timer after the snapshot, which shows the heap before the pops.
      const timer_entry& e = steps_->mirror.at_slot(timers_.top_slot());
      assert(e.seq == timers_.top_seq());
      ++steps_->pops;
      if (!e.cancelled) {
        steps_->popped.push_back(e);
        steps_->ready.push_back({e.task, e.kind});
      }
    }
    callback cb = timers_.pop();
    if (cb.fn) ready_.push_back(cb);
  }
  if (steps_) snapshot();
  // Exactly the callbacks ready now; whatever they schedule waits for the next iteration.
  running_.swap(ready_);
  return run_batch();
}

// The batch from its front on: each callback is taken off before it runs (its chunk freed as soon
// as it is used up), so when a step pauses (pause_iteration) the rest waits in running_.
bool event_loop::run_batch() {
  while (!running_.empty()) {
    const callback cb = running_.front();
    running_.pop_front();
    cb();  // what it schedules goes to ready_
    if (paused_ != nullptr) return true;
    if (--batch_countdown_ == 0) {
      batch_countdown_ = batch_check_interval;
      if (slice_end_ != std::chrono::steady_clock::time_point::max() && !running_.empty() &&
          std::chrono::steady_clock::now() >= slice_end_) {
        batch_paused_ = true;
        return true;
      }
    }
  }
  return true;
}

void event_loop::on_stop(void* loop) { static_cast<event_loop*>(loop)->stopping_ = true; }

void event_loop::stop_when_done(future_core& f) {
  stopping_ = false;
  f.add_done_callback(callback::bind<&event_loop::on_stop>(this));
}

void event_loop::run_until_done(future_core& f) {
  stop_when_done(f);
  while (!stopping_) {
    refuse_to_block();
    if (!run_once())
      throw deadlock_error("deadlock: nothing is ready and no timer is scheduled, but the awaited "
                           "task has not finished.\n" + describe_pending());
  }
  stopping_ = false;
}

void event_loop::block_for(double seconds) {
  if (!(seconds > 0)) return;
  if (external_.pending() > 0) {
    // Real work is in flight: the loop's thread really waits, as the workers really work.
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    return blocked_really(seconds);
  }
  const double begin = now_;
  now_ += seconds;
  if (observer_) {
    task_driver* d = task_driver::running();
    observer_->loop_blocked(d ? d->id : no_task, begin, now_);
  }
}

void event_loop::blocked_really(double seconds) {
  if (external_.pending() == 0) return block_for(seconds);  // the clock jumps by what was measured
  sync_clock();                                   // the wall clock moved on by itself
  if (observer_) {
    task_driver* d = task_driver::running();
    observer_->loop_blocked(d ? d->id : no_task, now_ - seconds, now_);
  }
}

void event_loop::emit(output_stream stream, std::string_view text) {
  if (!observer_) return;
  task_driver* d = task_driver::running();
  observer_->output(d ? d->id : no_task, stream, text, now_);
}

void event_loop::adopt_task(task_driver& d) {
  tasks_.adopt(d);
  if (observer_) {
    task_driver* parent = task_driver::running();
    // "Task-<id>" without a std::string: observed runs of a million tasks name a million tasks.
    char name[16] = "Task-";
    const char* end = std::to_chars(name + 5, name + sizeof name, d.number).ptr;
    // A function template's coroutine is named without its template arguments, as Python names
    // it: to_thread, not to_thread<int (*)(asyncrace::job_context&, int), int>.
    std::string_view coro(d.coro_name());
    if (const std::size_t lt = coro.find('<'); lt != std::string_view::npos && lt > 0) coro = coro.substr(0, lt);
    observer_->task_created(d.id, parent ? parent->id : no_task,
                            std::string_view(name, static_cast<std::size_t>(end - name)), coro, now_);
  }
  if (steps_) chain_changes(d);
  call_soon(callback::bind<&task_driver::step_callback>(&d));
}

void event_loop::task_completed(task_driver& d, task_outcome outcome) {
  if (observer_) observer_->task_finished(d.id, outcome, now_);
  if (steps_) {
    if (d.chain_slot) steps_->changed[d.chain_slot - 1] = nullptr;  // d is about to be freed
    d.chain_slot = 0;
    steps_->finished.push_back(d.id);
  }
  tasks_.finished(d);
}

}  // namespace asyncrace
