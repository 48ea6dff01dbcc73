#include "executor.hpp"

#include "cpu_tasks.hpp"

#include <atomic>
#include <memory>
#include <new>
#include <thread>

namespace asyncrace {

void job_context::advance(double seconds, const char* caller, bool sleeping) {
  if (seconds < 0) throw py_exception("ValueError", "sleep length must be non-negative");  // time.sleep's
  if (!what_) what_ = caller;
  if (!real_)
    now_ += seconds;
  else if (sleeping)
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));  // a real blocking wait
}

double job_context::time() const {
  if (!real_) return now_;
  return now_ + std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_origin_).count();
}

void job_context::terminate_worker() {
  terminated_ = true;
  throw worker_death{};
}

py_exception broken_pool_error() {
  return py_exception("BrokenProcessPool",
                      "A process in the process pool was terminated abruptly while the future was running or pending.");
}

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

std::uint32_t next_executor_id() {
  static std::atomic<std::uint32_t> last{0};
  return last.fetch_add(1, std::memory_order_relaxed) + 1;
}

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
  // With nothing in flight every worker is idle now (their free times are this loop's past, or
  // another loop's: the registry of default executors outlives loops).
  if (state_->in_flight == 0) free_at.assign(free_at.size(), now);
  // The worker free first, lowest index on ties.
  std::size_t worker = 0;
  double start = std::max(now, free_at[0]);
  for (std::size_t w = 1; w < free_at.size(); ++w) {
    const double free = std::max(now, free_at[w]);
    if (free < start) start = free, worker = w;
  }
  job_context clock(start);
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
  loop.call_at(end, {&virtual_pool::job_ended, &job, &virtual_pool::job_dropped});
}

void virtual_pool::job_ended(void* job) {
  // The concurrent future completes; its done-callback (_chain_future's _call_set_state) hands
  // the outcome to the loop with call_soon_threadsafe: one more iteration.
  auto& j = *static_cast<executor_job*>(job);
  state::job_left(j);
  j.loop->call_soon({&deliver, &j, &drop});
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

pool_executor::pool_executor(pool_kind kind, int max_workers, const event_loop* loop) {
  if (max_workers <= 0) throw py_exception("ValueError", "max_workers must be greater than 0");  // CPython's message
  const executor_factory* real = loop ? loop->executors() : nullptr;
  if (real) impl_ = real->make(kind, max_workers);
  else impl_ = std::make_unique<virtual_pool>(max_workers);
  real_ = real != nullptr;
}

executor& default_executor(event_loop& loop) {
  // CPython keeps it on the loop (loop._default_executor); the scheduler keeps it here, one per
  // loop. A loop destroyed with jobs in flight drops their timers, so a pool with nothing in
  // flight is as good as new: entries of other loops are freed then, and an entry found for a
  // new loop at a recycled address behaves as a fresh pool.
  // A pool is also the kind its loop wants (virtual, or real from that loop's factory).
  struct entry {
    const event_loop* loop;
    const executor_factory* made_by;
    std::unique_ptr<thread_pool_executor> pool;
  };
  thread_local std::vector<entry> pools;
  std::erase_if(pools, [&](const entry& e) {
    return (e.loop != &loop || e.made_by != loop.executors()) && e.pool->idle();
  });
  for (entry& e : pools)
    if (e.loop == &loop && e.made_by == loop.executors()) return *e.pool;
  running_scope scope(&loop);  // the pool is made for this loop
  return *pools.emplace_back(entry{&loop, loop.executors(), std::make_unique<thread_pool_executor>()}).pool;
}

// `from cpu_tasks import cpu_bound` can run on a Web Worker (job_wire.hpp).
static const wire::registration cpu_bound_on_workers{
    wire::object_entry<cpu_tasks::cpu_bound_job, std::int64_t(job_context&, std::int64_t)>("cpu_tasks.cpu_bound")};

std::int64_t cpu_bound_loop(std::int64_t n) {
  // The seed's loop as written: sum((i*i) % (n+1) for i in range(2000000)), Python's %.
  if (n == -1) throw py_exception("ZeroDivisionError", "integer modulo by zero");
  const std::int64_t m = n + 1;
  std::int64_t s = 0;
  for (std::int64_t i = 0; i < 2000000; ++i) {
    std::int64_t r = (i * i) % m;
    if (r != 0 && (r < 0) != (m < 0)) r += m;
    s += r;
  }
  return s;
}

std::int64_t cpu_bound_sum(std::int64_t n) {
  constexpr std::int64_t count = 2000000;
  // (i*i) % m depends on i only through i % |m|: a whole period's sum times the number of
  // periods, plus the rest — the same value as the seed's loop, in O(|m|) instead of O(count).
  // Python's % takes the sign of the divisor; beyond count², (i*i) % m is i*i.
  if (n == -1) throw py_exception("ZeroDivisionError", "integer modulo by zero");
  const std::int64_t m = n >= count * count ? count * count : n + 1;
  auto py_mod = [m](std::int64_t a) {
    const std::int64_t r = a % m;
    return r != 0 && (r < 0) != (m < 0) ? r + m : r;
  };
  const std::int64_t period = m < 0 ? -m : m;
  const std::int64_t periods = count / period, rest = count % period;
  std::int64_t whole = 0, partial = 0;
  for (std::int64_t i = 0; i < std::min(period, count); ++i) {
    const std::int64_t v = py_mod(i * i);
    whole += v;
    if (i < rest) partial += v;
  }
  return periods * whole + partial;
}

}  // namespace asyncrace
