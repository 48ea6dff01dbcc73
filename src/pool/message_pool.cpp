#include "message_pool.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "asyncio/job_wire.hpp"
#include "loop/event_loop.hpp"

namespace asyncrace::pool {

// A job from submit until it is handed back to its loop (then the loop's callback owns it).
struct message_workers::job {
  executor_job* call = nullptr;
  event_loop* loop = nullptr;
  const void* owner = nullptr;
  std::uint32_t pool = 0;
  int lanes = 0;
  double queued = 0.0;  // loop time at submit
  std::string message;  // the call as a message (empty: it has none)
  std::string what;     // the function's name, for the lane
  int slot = -1;        // the worker it ran on
  std::uint32_t serial = 0;  // its message's number (a reply must name it)
  double start = 0.0, end = 0.0;  // loop times, once back
  std::string outcome;
};

namespace {

// The loop time of an instant on the transport's clock.
double loop_time_of(const event_loop& loop, const transport& t, double ms) {
  return loop.live_time() - (t.wall_ms() - ms) / 1000.0;
}

// "processpool_cpu_bound.blocking_io" -> "blocking_io"
std::string short_name(const std::string& name) {
  const auto dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(dot + 1);
}

}  // namespace

std::string reply_message(double start_ms, double end_ms, std::string_view outcome) {
  wire::writer w;
  w.put(start_ms);
  w.put(end_ms);
  return w.take() + std::string(outcome);
}

message_workers::~message_workers() {
  for (int s = 0; s < started(); ++s) transport_->terminate(s);
  for (slot& s : slots_)
    for (job* j : std::exchange(s.posted, {})) queue_.push_back(j);
  for (job* j : std::exchange(queue_, {})) {
    j->call->drop(*j->call);
    delete j;
  }
}

message_workers::job* message_workers::running(int s) const {
  const slot& sl = slots_[static_cast<std::size_t>(s)];
  return sl.posted.empty() ? nullptr : sl.posted.front();
}

void message_workers::prestart(int n) {
  while (started() < n) {
    slots_.emplace_back();
    transport_->start(started() - 1);
  }
}

int message_workers::busy() const {
  return static_cast<int>(std::count_if(slots_.begin(), slots_.end(), [](const slot& s) { return !s.posted.empty(); }));
}

void message_workers::submit(executor_job& call, const void* owner, std::uint32_t pool, int lanes) {
  event_loop& loop = *call.loop;
  auto j = std::make_unique<job>();
  j->call = &call;
  j->loop = &loop;
  j->owner = owner;
  j->pool = pool;
  j->lanes = lanes;
  j->queued = loop.time();
  loop.external_begin();  // back through the loop, whatever happens
  if (!call.encode || !call.encode(call, j->message)) {
    j->outcome = wire::raised_outcome(
        "RuntimeError",
        "this call cannot run on a Web Worker: its function is not a registered worker function "
        "(ASYNCRACE_WORKER_FUNCTION), or an argument or its result is not a bool, number or string");
    j->start = j->end = j->queued;
    return hand_back(j.release());
  }
  j->what = short_name(wire::call_name(j->message));
  queue_.push_back(j.release());
  dispatch();
}

std::size_t message_workers::depth(const job& j) const {
  const auto known = job_ms_.find(j.what);
  if (known == job_ms_.end()) return min_depth;
  const double jobs = std::ceil(cover_ms / known->second) + 1.0;  // the one running, then cover_ms of them
  return jobs >= static_cast<double>(max_depth) ? max_depth : std::max(min_depth, static_cast<std::size_t>(jobs));
}

void message_workers::dispatch() {
  for (auto it = queue_.begin(); it != queue_.end();) {
    job* j = *it;
    if (j->call->abandoned && j->call->abandoned(*j->call)) {
      // Cancelled before it started (wait_for gave up): it never runs, as concurrent.futures'
      // Future.cancel() keeps a pending call from running.
      it = queue_.erase(it);
      j->outcome = wire::died_outcome(j->what);
      j->start = j->end = j->loop->live_time();
      hand_back(j);
      continue;
    }
    // An idle worker of the job's pool first (lowest first), else one with room behind its job.
    const int limit = std::min(j->lanes, started());
    int free = -1;
    const std::size_t posted_max = depth(*j);
    for (std::size_t room = 1; room <= posted_max && free < 0; ++room)
      for (int s = 0; s < limit && free < 0; ++s)
        if (slots_[static_cast<std::size_t>(s)].posted.size() < room) free = s;
    if (free < 0) {
      ++it;
      continue;
    }
    it = queue_.erase(it);
    j->slot = free;
    j->serial = ++serials_;
    std::deque<job*>& posted = slots_[static_cast<std::size_t>(free)].posted;
    posted.push_back(j);
    if (posted.size() == 1) j->start = j->loop->live_time();  // about now (the worker says exactly)
    transport_->post(free, j->serial, j->message);
  }
}

void message_workers::hand_back(job* j) { j->loop->external_done(callback::bind<&completed, &dropped>(j)); }

void message_workers::completed(void* p) {
  std::unique_ptr<job> j(static_cast<job*>(p));
  event_loop& loop = *j->loop;
  executor_job& call = *j->call;
  wire::outcome out;
  try {
    out = wire::read_outcome(j->outcome);
  } catch (const wire::wire_error& e) {
    j->outcome = wire::raised_outcome(e.type(), e.what());
    out = wire::read_outcome(j->outcome);
  }
  // The lane shows the name the job gave itself on the worker (job_context::what: an interpreted
  // job's Python function), as a native worker's lane does; else its worker function's name.
  if (!out.what.empty() && out.what != "job") j->what = out.what;
  if (loop_observer* o = loop.observer(); o && j->slot >= 0) {
    const double start = std::max(j->queued, j->start);
    const double end = std::min(loop.time(), std::max(start, j->end));
    o->executor_job(j->pool, static_cast<std::uint32_t>(j->slot), j->what, j->queued, start, end, call.for_task);
  }
  call.decode(call, out);
  call.deliver(call);  // _set_state: the asyncio future completes now
}

void message_workers::dropped(void* p) {
  std::unique_ptr<job> j(static_cast<job*>(p));
  j->call->drop(*j->call);
}

void message_workers::reply(int s, std::uint32_t serial, std::string_view message) {
  if (s < 0 || s >= started()) return;
  slot& sl = slots_[static_cast<std::size_t>(s)];
  if (sl.posted.empty() || sl.posted.front()->serial != serial) return;  // from before a recycle
  job* j = sl.posted.front();
  sl.posted.pop_front();
  try {
    wire::reader r(message);
    const double start_ms = r.get<double>();
    const double end_ms = r.get<double>();
    j->start = loop_time_of(*j->loop, *transport_, start_ms);
    j->end = loop_time_of(*j->loop, *transport_, end_ms);
    j->outcome = std::string(message.substr(message.size() - r.remaining()));
    const double ms = std::max(end_ms - start_ms, 0.01);
    const auto [known, first] = job_ms_.try_emplace(j->what, ms);
    if (!first) known->second = 0.75 * known->second + 0.25 * ms;
  } catch (const wire::wire_error& e) {
    j->start = j->end = j->loop->live_time();
    j->outcome = wire::raised_outcome(e.type(), e.what(), j->what);
  }
  if (!sl.posted.empty()) sl.posted.front()->start = j->end;  // the worker went on with it at once
  const bool died = wire::outcome_ending(j->outcome) == wire::ending::worker_died;
  hand_back(j);
  if (died) recycle(s);  // its job ended it: a fresh worker takes the slot
  dispatch();
}

// The job the worker in slot `s` runs is handed back as died (its worker died, or nobody awaits
// it any more); recycle() follows, which queues the job posted behind it again.
void message_workers::stop_running(int s) {
  slot& sl = slots_[static_cast<std::size_t>(s)];
  if (sl.posted.empty()) return;
  job* j = sl.posted.front();
  sl.posted.pop_front();
  j->end = j->loop->live_time();
  j->start = std::min(j->start, j->end);  // when it came first on its worker: about when it began
  j->outcome = wire::died_outcome(j->what);  // BrokenProcessPool (kept cancelled if abandoned)
  hand_back(j);
}

void message_workers::failed(int s) {
  if (s < 0 || s >= started()) return;
  stop_running(s);
  recycle(s);
  dispatch();
}

void message_workers::recycle(int s) {
  std::deque<job*> posted = std::exchange(slots_[static_cast<std::size_t>(s)].posted, {});
  queue_.insert(queue_.begin(), posted.begin(), posted.end());
  transport_->terminate(s);
  transport_->start(s);
  ++replaced_;
}

bool message_workers::recycle_abandoned() {
  bool any = false;
  for (int s = 0; s < started(); ++s) {
    job* j = running(s);
    if (!j || !j->call->abandoned || !j->call->abandoned(*j->call)) continue;
    // Nobody awaits it (its future is cancelled): the worker is stopped where it is.
    stop_running(s);
    recycle(s);
    any = true;
  }
  if (any) dispatch();
  return any;
}

bool message_workers::idle(std::uint32_t pool) const {
  for (const job* j : queue_)
    if (j->pool == pool) return false;
  for (const slot& s : slots_)
    for (const job* j : s.posted)
      if (j->pool == pool) return false;
  return true;
}

void message_workers::drop_owner(const void* owner) {
  for (int s = 0; s < started(); ++s) {
    job* j = running(s);
    if (j && j->owner == owner) recycle(s);  // busy with work nobody will take: a fresh worker
  }
  // Its jobs posted behind another run's job: dropped below (the worker runs them all the same,
  // and its reply, naming no job posted to it any more, is ignored).
  for (slot& sl : slots_) {
    if (sl.posted.size() < 2) continue;
    std::deque<job*> keep{sl.posted.front()};
    for (std::size_t i = 1; i < sl.posted.size(); ++i) (sl.posted[i]->owner == owner ? queue_ : keep).push_back(sl.posted[i]);
    sl.posted = std::move(keep);
  }
  std::erase_if(queue_, [&](job* j) {
    if (j->owner != owner) return false;
    j->call->drop(*j->call);
    delete j;
    return true;
  });
  dispatch();
}

message_pool::message_pool(message_workers& workers, const void* owner, int lanes)
    : workers_(&workers), owner_(owner), lanes_(lanes), id_(next_executor_id()) {
  if (lanes <= 0) throw py_exception("ValueError", "max_workers must be greater than 0");
}

void message_pool::submit(executor_job& job) {
  if (shut_down_) throw py_exception("RuntimeError", "cannot schedule new futures after shutdown");
  workers_->submit(job, owner_, id_, lanes_);
}

void message_pool::shutdown(bool) { shut_down_ = true; }

message_executors::message_executors(message_workers& set, int workers) : set_(&set), workers_(workers) {
  if (workers <= 0) throw py_exception("ValueError", "max_workers must be greater than 0");
  set.prestart(workers);
}

message_executors::~message_executors() { set_->drop_owner(this); }

std::unique_ptr<executor> message_executors::make(pool_kind, int max_workers) const {
  return std::make_unique<message_pool>(*set_, this, std::min(max_workers, workers_));
}

}  // namespace asyncrace::pool
