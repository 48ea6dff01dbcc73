#include "message_pool.hpp"

#include <algorithm>
#include <utility>

#include "sched/job_wire.hpp"

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
    if (job* j = std::exchange(s.running, nullptr)) {
      j->call->drop(*j->call);
      delete j;
    }
  for (job* j : std::exchange(queue_, {})) {
    j->call->drop(*j->call);
    delete j;
  }
}

void message_workers::prestart(int n) {
  while (started() < n) {
    slots_.emplace_back();
    transport_->start(started() - 1);
  }
}

int message_workers::busy() const {
  return static_cast<int>(std::count_if(slots_.begin(), slots_.end(), [](const slot& s) { return s.running; }));
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
    const int limit = std::min(j->lanes, started());
    int free = -1;
    for (int s = 0; s < limit && free < 0; ++s)
      if (!slots_[static_cast<std::size_t>(s)].running) free = s;
    if (free < 0) {
      ++it;
      continue;
    }
    it = queue_.erase(it);
    slot& s = slots_[static_cast<std::size_t>(free)];
    j->slot = free;
    s.running = j;
    s.serial = ++serials_;
    transport_->post(free, s.serial, j->message);
  }
}

void message_workers::hand_back(job* j) { j->loop->external_done({&completed, j, &dropped}); }

void message_workers::completed(void* p) {
  std::unique_ptr<job> j(static_cast<job*>(p));
  event_loop& loop = *j->loop;
  executor_job& call = *j->call;
  if (loop_observer* o = loop.observer(); o && j->slot >= 0) {
    const double start = std::max(j->queued, j->start);
    const double end = std::min(loop.time(), std::max(start, j->end));
    o->executor_job(j->pool, static_cast<std::uint32_t>(j->slot), j->what, j->queued, start, end, call.for_task);
  }
  wire::outcome out;
  try {
    out = wire::read_outcome(j->outcome);
  } catch (const wire::wire_error& e) {
    j->outcome = wire::raised_outcome(e.type(), e.what());
    out = wire::read_outcome(j->outcome);
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
  if (!sl.running || sl.serial != serial) return;  // a reply from before the worker was recycled
  job* j = std::exchange(sl.running, nullptr);
  try {
    wire::reader r(message);
    const double start_ms = r.get<double>();
    const double end_ms = r.get<double>();
    j->start = loop_time_of(*j->loop, *transport_, start_ms);
    j->end = loop_time_of(*j->loop, *transport_, end_ms);
    j->outcome = std::string(message.substr(message.size() - r.remaining()));
  } catch (const wire::wire_error& e) {
    j->start = j->end = j->loop->live_time();
    j->outcome = wire::raised_outcome(e.type(), e.what(), j->what);
  }
  const bool died = wire::outcome_ending(j->outcome) == wire::ending::worker_died;
  hand_back(j);
  if (died) recycle(s);  // its job ended it: a fresh worker takes the slot
  dispatch();
}

void message_workers::failed(int s) {
  if (s < 0 || s >= started()) return;
  if (job* j = std::exchange(slots_[static_cast<std::size_t>(s)].running, nullptr)) {
    j->start = std::max(j->queued, j->start);
    j->end = j->loop->live_time();
    j->outcome = wire::died_outcome(j->what);  // BrokenProcessPool
    hand_back(j);
  }
  recycle(s);
  dispatch();
}

void message_workers::recycle(int s) {
  slots_[static_cast<std::size_t>(s)].running = nullptr;
  transport_->terminate(s);
  transport_->start(s);
  ++replaced_;
}

bool message_workers::recycle_abandoned() {
  bool any = false;
  for (int s = 0; s < started(); ++s) {
    job* j = slots_[static_cast<std::size_t>(s)].running;
    if (!j || !j->call->abandoned || !j->call->abandoned(*j->call)) continue;
    // Nobody awaits it (its future is cancelled): the worker is stopped where it is.
    slots_[static_cast<std::size_t>(s)].running = nullptr;
    j->end = j->loop->live_time();
    j->outcome = wire::died_outcome(j->what);
    hand_back(j);
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
    if (s.running && s.running->pool == pool) return false;
  return true;
}

void message_workers::drop_owner(const void* owner) {
  std::erase_if(queue_, [&](job* j) {
    if (j->owner != owner) return false;
    j->call->drop(*j->call);
    delete j;
    return true;
  });
  for (int s = 0; s < started(); ++s) {
    job* j = slots_[static_cast<std::size_t>(s)].running;
    if (!j || j->owner != owner) continue;
    recycle(s);  // busy with work nobody will take: a fresh worker
    j->call->drop(*j->call);
    delete j;
  }
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
