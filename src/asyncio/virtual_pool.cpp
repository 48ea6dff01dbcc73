#include "asyncio/virtual_pool.hpp"

#include <algorithm>
#include <new>
#include <utility>

#include "asyncio/job_context.hpp"
#include "loop/event_loop.hpp"

namespace asyncrace {

// When each worker is free again; shared by the pool and its jobs in flight, so that a pool
// destroyed (or a loop destroyed) before a job's end leaves nothing dangling.
struct virtual_pool::state {
  std::vector<double> free_at;
  std::uint32_t in_flight = 0;  // jobs whose end (their timer) has not come yet
  std::uint32_t refs = 1;       // the pool's, and one per job in flight

  void release() {
    if (--refs == 0) delete this;
  }
  // A job's timer fired, or was dropped with its loop.
  static void job_left(executor_job& job) {
    auto* s = static_cast<state*>(std::exchange(job.executor_data, nullptr));
    --s->in_flight;
    s->release();
  }
};

namespace {
void deliver(void* job) {
  auto& j = *static_cast<executor_job*>(job);
  j.deliver(j);
}
void drop(void* job) {
  auto& j = *static_cast<executor_job*>(job);
  j.drop(j);
}
}  // namespace

virtual_pool::virtual_pool(int max_workers) : state_(new state), id_(next_executor_id()) {
  if (max_workers <= 0) {
    delete state_;
    throw py_exception("ValueError", "max_workers must be greater than 0");  // CPython's message
  }
  state_->free_at.assign(static_cast<std::size_t>(max_workers), 0.0);
  contexts_.resize(static_cast<std::size_t>(max_workers));
}

virtual_pool::~virtual_pool() { state_->release(); }

void virtual_pool::submit(executor_job& job) {
  if (shut_down_) throw py_exception("RuntimeError", "cannot schedule new futures after shutdown");
  event_loop& loop = *job.loop;
  const double now = loop.time();
  std::vector<double>& free_at = state_->free_at;
  // With nothing in flight every worker is idle now: their free times are the past (an earlier
  // asyncio.run of the program, or another loop's for a pool that outlives its loop).
  if (state_->in_flight == 0) free_at.assign(free_at.size(), now);
  // The worker free first, lowest index on ties.
  std::size_t worker = 0;
  double start = std::max(now, free_at[0]);
  for (std::size_t w = 1; w < free_at.size(); ++w) {
    const double free = std::max(now, free_at[w]);
    if (free < start) start = free, worker = w;
  }
  job_context clock(start);
  clock.set_worker(static_cast<int>(worker));
  contexts_[worker].run([&] { job.run(job, clock); });
  // A worker that died (terminate_worker) is replaced at once: a new thread, an empty context.
  if (clock.worker_terminated()) contexts_[worker].~context(), new (&contexts_[worker]) context();
  const double end = clock.time();
  free_at[worker] = end;
  ++state_->in_flight;
  ++state_->refs;
  job.executor_data = state_;
  // A virtual pool knows the whole interval now; a real one will report it when the job ends.
  if (loop_observer* o = loop.observer())
    o->executor_job(id_, static_cast<std::uint32_t>(worker), clock.what(), now, start, end, job.for_task);
  loop.call_at(end, callback::bind<&virtual_pool::job_ended, &virtual_pool::job_dropped>(&job));
}

void virtual_pool::job_ended(void* job) {
  // The concurrent future completes; its done-callback (_chain_future's _call_set_state) hands
  // the outcome to the loop with call_soon_threadsafe: one more iteration.
  auto& j = *static_cast<executor_job*>(job);
  state::job_left(j);
  j.loop->call_soon(callback::bind<&deliver, &drop>(&j));
}

void virtual_pool::job_dropped(void* job) {
  auto& j = *static_cast<executor_job*>(job);
  state::job_left(j);
  j.drop(j);
}

bool virtual_pool::idle() const { return state_->in_flight == 0; }

void virtual_pool::shutdown(bool wait) {
  shut_down_ = true;
  event_loop* loop = event_loop::current();
  if (!wait || !loop || state_->in_flight == 0) return;
  // ThreadPoolExecutor.shutdown(wait=True) joins the workers: the loop's thread is blocked.
  const double last = *std::max_element(state_->free_at.begin(), state_->free_at.end());
  loop->block_for(last - loop->time());
}

}  // namespace asyncrace
