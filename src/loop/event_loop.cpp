#include "loop/event_loop.hpp"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <thread>

#include "loop/await_chain.hpp"
#include "loop/executor.hpp"
#include "loop/heap_mirror.hpp"
#include "loop/future.hpp"
#include "loop/task.hpp"
#include "loop/task_driver.hpp"
#include "pyrt/python_source.hpp"

namespace asyncrace {
namespace {
thread_local event_loop* current_loop = nullptr;

// time.get_clock_info('monotonic').resolution on Linux: _run_once fires every timer whose deadline
// is below now + resolution, so a deadline equal to now is due.
constexpr double clock_resolution = 1e-9;
}  // namespace

running_scope::running_scope(event_loop* loop) : previous_(std::exchange(current_loop, loop)) {}
running_scope::~running_scope() { current_loop = previous_; }

struct event_loop::inbox {
  std::mutex mutex;
  std::condition_variable arrived;
  std::vector<callback> done;  // handed back, not yet taken by the loop
};

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
    : timers_(options.ties), options_(options), jitter_rng_(options.jitter_seed) {}

event_loop::~event_loop() {
  // Real work still out there refers to this loop: wait for it (its completions are dropped with
  // the ready queue below). Work that hands back between iterations cannot arrive while this
  // runs: its factory drops it.
  if (external_ > 0 && !may_wait()) {
    std::lock_guard lock(inbox_->mutex);
    ready_.insert(ready_.end(), inbox_->done.begin(), inbox_->done.end());
    inbox_->done.clear();
    external_ = 0;
  }
  while (external_ > 0) {
    std::unique_lock lock(inbox_->mutex);
    inbox_->arrived.wait(lock, [&] { return !inbox_->done.empty(); });
    external_ -= inbox_->done.size();
    ready_.insert(ready_.end(), inbox_->done.begin(), inbox_->done.end());
    inbox_->done.clear();
  }
  // Tasks still unfinished: destroy every frame first (frames hold references to other tasks and
  // gathers), drop the callbacks that will never run (they may own references), then drop the
  // loop's own reference to each task.
  running_scope scope(this);
  std::vector<task_driver*> unfinished = unfinished_tasks();
  first_unfinished_ = last_unfinished_ = nullptr;
  unfinished_count_ = 0;
  for (task_driver* d : unfinished) d->self->add_ref();
  for (task_driver* d : unfinished) d->abandon();
  for (task_driver* d : unfinished) d->self->discard_callbacks();
  for (const callback& cb : std::exchange(ready_, {})) cb.discard();
  if (paused_ != nullptr)  // torn down mid-iteration (a stopped run): the batch's rest never runs
    for (std::size_t i = next_running_ + 1; i < running_.size(); ++i) running_[i].discard();
  running_.clear();
  for (task_driver* d : unfinished) {
    future_core* f = d->self;
    f->release();  // the hold above
    f->release();  // the loop's reference
  }
}

event_loop* event_loop::current() { return current_loop; }

timer_id event_loop::call_at(double when, callback cb, ready_kind kind) {
  if (options_.ties == tie_policy::jitter) when += jitter_rng_.random() * options_.jitter_us * 1e-6;
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
  if (cb.fn == &task_driver::step_callback) {
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
  if (!ready_.empty() || stopping_ || paused_ != nullptr) return now_;
  if (external_ > 0) {
    std::lock_guard lock(inbox_->mutex);
    if (!inbox_->done.empty()) return now_;  // handed back: taken in the next iteration
  }
  if (timers_.empty()) return std::numeric_limits<double>::infinity();
  return timers_.top_when() > now_ ? timers_.top_when() : now_;
}

void event_loop::external_begin() {
  if (!inbox_) inbox_ = std::make_unique<inbox>();
  if (external_++ == 0) wall_sync_ = std::chrono::steady_clock::now();  // the clock follows the wall from here
}

void event_loop::external_done(callback cb) {
  std::lock_guard lock(inbox_->mutex);
  inbox_->done.push_back(cb);
  inbox_->arrived.notify_one();
}

void event_loop::sync_clock() {
  const auto wall = std::chrono::steady_clock::now();
  now_ += std::chrono::duration<double>(wall - wall_sync_).count();
  wall_sync_ = wall;
}

double event_loop::time_at(std::chrono::steady_clock::time_point t) const {
  return now_ - std::chrono::duration<double>(wall_sync_ - t).count();
}

bool event_loop::may_wait() const {
  return options_.executors == nullptr || !options_.executors->hands_back_between_iterations();
}

double event_loop::live_time() const {
  if (external_ == 0) return now_;
  return now_ + std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_sync_).count();
}

bool event_loop::waiting_for_external() const {
  if (external_ == 0 || !ready_.empty() || stopping_ || paused_ != nullptr || may_wait()) return false;
  {
    std::lock_guard lock(inbox_->mutex);
    if (!inbox_->done.empty()) return false;
  }
  return timers_.empty() || timers_.top_when() > live_time();
}

void event_loop::refuse_to_block() const {
  if (waiting_for_external())
    throw std::logic_error("cannot run to the end while waiting for work that hands back between iterations: "
                           "step the loop with run_once and return to the event loop the work reports to");
}

void event_loop::take_external() {
  sync_clock();
  {
    std::unique_lock lock(inbox_->mutex);
    auto arrived = [&] { return !inbox_->done.empty(); };
    if (ready_.empty() && !stopping_ && !arrived() && may_wait()) {
      timers_.prune_cancelled();
      if (timers_.empty()) {
        inbox_->arrived.wait(lock, arrived);
      } else {
        const auto due = wall_sync_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                          std::chrono::duration<double>(std::max(0.0, timers_.top_when() - now_)));
        inbox_->arrived.wait_until(lock, due, arrived);
      }
    }
    external_ -= inbox_->done.size();
    ready_.insert(ready_.end(), inbox_->done.begin(), inbox_->done.end());
    if (steps_) steps_->ready.resize(ready_.size(), {no_task, ready_kind::external});
    inbox_->done.clear();
  }
  sync_clock();  // the time waited; from here on, with nothing outstanding, the clock jumps again
}

bool event_loop::run_once() {
  running_scope scope(this);
  if (task_driver* d = std::exchange(paused_, nullptr)) {
    d->step();  // the step the last slice ended in, then the rest of its batch
    if (paused_ != nullptr) return true;
    ++next_running_;
    return run_batch();
  }
  timers_.prune_cancelled();
  if (steps_) steps_->mirror.prune();
  if (external_ > 0) take_external();
  if (ready_.empty() && !stopping_) {
    // Work still out that hands back between iterations: nothing to do until it does (or until
    // the next timer is due on the wall clock).
    if (external_ > 0 && !may_wait() && (timers_.empty() || timers_.top_when() > now_)) return true;
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
  next_running_ = 0;
  return run_batch();
}

bool event_loop::run_batch() {
  for (; next_running_ < running_.size(); ++next_running_) {
    running_[next_running_]();  // what it schedules goes to ready_: running_ stays as it is
    if (paused_ != nullptr) return true;
  }
  running_.clear();
  return true;
}

void event_loop::on_stop(void* loop) { static_cast<event_loop*>(loop)->stopping_ = true; }

void event_loop::stop_when_done(future_core& f) {
  stopping_ = false;
  f.add_done_callback({&event_loop::on_stop, this});
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
  if (external_ > 0) {
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
  if (external_ == 0) return block_for(seconds);  // the clock jumps by what was measured
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
  d.id = ++task_ids_;
  d.number = ++task_counter_;
  d.prev_unfinished = last_unfinished_;
  (last_unfinished_ ? last_unfinished_->next_unfinished : first_unfinished_) = &d;
  last_unfinished_ = &d;
  ++unfinished_count_;
  if (observer_) {
    task_driver* parent = task_driver::running();
    // "Task-<id>" without a std::string: observed runs of a million tasks name a million tasks.
    char name[16] = "Task-";
    const char* end = std::to_chars(name + 5, name + sizeof name, d.number).ptr;
    // A function template's coroutine is named without its template arguments, as Python names
    // it: to_thread, not to_thread<int (*)(asyncrace::job_context&, int), int>.
    std::string_view coro(d.coro_name);
    if (const std::size_t lt = coro.find('<'); lt != std::string_view::npos && lt > 0) coro = coro.substr(0, lt);
    observer_->task_created(d.id, parent ? parent->id : no_task,
                            std::string_view(name, static_cast<std::size_t>(end - name)), coro, now_);
  }
  if (steps_) chain_changes(d);
  call_soon({&task_driver::step_callback, &d});
}

void event_loop::task_completed(task_driver& d, task_outcome outcome) {
  if (observer_) observer_->task_finished(d.id, outcome, now_);
  if (steps_) {
    if (d.chain_slot) steps_->changed[d.chain_slot - 1] = nullptr;  // d is about to be freed
    d.chain_slot = 0;
    steps_->finished.push_back(d.id);
  }
  (d.prev_unfinished ? d.prev_unfinished->next_unfinished : first_unfinished_) = d.next_unfinished;
  (d.next_unfinished ? d.next_unfinished->prev_unfinished : last_unfinished_) = d.prev_unfinished;
  d.prev_unfinished = d.next_unfinished = nullptr;
  --unfinished_count_;
}

std::vector<task_driver*> event_loop::unfinished_tasks() const {
  std::vector<task_driver*> out;
  out.reserve(unfinished_count_);
  for (task_driver* d = first_unfinished_; d; d = d->next_unfinished) out.push_back(d);
  return out;
}

std::string event_loop::describe_pending() const {
  std::string out;
  for (const task_driver* d = first_unfinished_; d; d = d->next_unfinished) {
    out += "  Task-" + std::to_string(d->number) + " (" + d->coro_name + ") awaits ";
    switch (d->waiting_on.kind) {
      case wait_kind::sleep: out += "a sleep"; break;
      case wait_kind::yield: out += "one loop iteration"; break;
      case wait_kind::task: out += "Task-" + std::to_string(d->waiting_on.target); break;
      case wait_kind::gather: out += "a gather of " + std::to_string(d->waiting_on.count) + " tasks"; break;
      case wait_kind::future: out += "a future nobody completes"; break;
    }
    out += '\n';
  }
  return out;
}

namespace {
thread_local unsigned dropped_at_cpp_line = 0;
thread_local unsigned exiting = 0;
}  // namespace

void detail::coroutine_dropped_at(unsigned cpp_line) { dropped_at_cpp_line = cpp_line; }
detail::exit_scope::exit_scope() { ++exiting; }
detail::exit_scope::~exit_scope() { --exiting; }

void detail::coroutine_never_awaited(const char* name, unsigned /*def_line*/) {
  // CPython's warnings.formatwarning, when the object dies:
  //   file.py:7: RuntimeWarning: coroutine 'do_some_work' was never awaited
  //     do_some_work(1)
  //   RuntimeWarning: Enable tracemalloc to get the object allocation traceback
  event_loop* loop = event_loop::current();
  const unsigned cpp_line = std::exchange(dropped_at_cpp_line, 0);
  if (!loop) return;
  const std::string message = std::string("RuntimeWarning: coroutine '") + name + "' was never awaited";
  // At exit there is no frame to name and `import tracemalloc` fails: one line.
  if (exiting) return loop->emit(output_stream::warning, "sys:1: " + message);
  const python_source* src = loop->python();
  const unsigned line = src ? src->python_line(cpp_line) : 0;
  if (!line) return loop->emit(output_stream::warning, message);
  std::string_view text = src->line_text(line);
  text.remove_prefix(std::min(text.find_first_not_of(" \t"), text.size()));
  loop->emit(output_stream::warning, src->file() + ":" + std::to_string(line) + ": " + message);
  loop->emit(output_stream::warning, "  " + std::string(text));
  loop->emit(output_stream::warning, "RuntimeWarning: Enable tracemalloc to get the object allocation traceback");
}

}  // namespace asyncrace
