#include "native_pool.hpp"

#include <algorithm>
#include <utility>

#include "loop/event_loop.hpp"

namespace asyncrace::pool {

using wall_clock = std::chrono::steady_clock;

// A job from submit to its hand-back; after the hand-back, what the loop reports and delivers.
struct native_pool::queued_job {
  executor_job* job;
  event_loop* loop;
  double queued;                  // loop time at submit
  wall_clock::time_point queued_wall;
  wall_clock::time_point start{}, end{};
  std::uint32_t pool = 0, lane = 0;
  const char* what = "job";
};

native_pool::native_pool(int workers) : id_(next_executor_id()) {
  if (workers <= 0) throw py_exception("ValueError", "max_workers must be greater than 0");
  threads_.reserve(static_cast<std::size_t>(workers));
  for (std::size_t lane = 0; lane < static_cast<std::size_t>(workers); ++lane)
    threads_.emplace_back(&native_pool::work, this, lane);
}

native_pool::~native_pool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = shut_down_ = true;
  }
  has_work_.notify_all();
  // A dying worker replaces itself under the lock: once the queue is empty and nothing runs,
  // threads_ and dead_ no longer change.
  {
    std::unique_lock lock(mutex_);
    drained_.wait(lock, [&] { return queue_.empty() && running_ == 0; });
  }
  for (std::thread& t : threads_)
    if (t.joinable()) t.join();
  for (std::thread& t : dead_) t.join();
}

void native_pool::submit(executor_job& job) {
  event_loop& loop = *job.loop;
  auto q = std::make_unique<queued_job>(queued_job{&job, &loop, loop.time(), wall_clock::now()});
  {
    std::lock_guard lock(mutex_);
    if (shut_down_) throw py_exception("RuntimeError", "cannot schedule new futures after shutdown");
    loop.external_begin();  // before any worker can hand it back
    queue_.push_back(q.release());
  }
  has_work_.notify_one();
}

void native_pool::work(std::size_t lane) {
  // What this worker keeps between its jobs; destroyed here, on this thread, as the worker ends.
  std::unique_ptr<job_context::kept_state> kept;
  std::unique_lock lock(mutex_);
  for (;;) {
    has_work_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping
    queued_job* q = queue_.front();
    queue_.pop_front();
    ++running_;
    lock.unlock();

    job_context ctx(job_context::real_worker{}, q->queued, q->queued_wall);
    ctx.set_worker(static_cast<int>(lane));
    ctx.set_kept(&kept);
    q->start = wall_clock::now();
    q->job->run(*q->job, ctx);  // keeps the outcome (or the exception) in the job
    q->end = wall_clock::now();
    q->pool = id_;
    q->lane = static_cast<std::uint32_t>(lane);
    q->what = ctx.what();
    q->loop->external_done(callback::bind<&native_pool::completed, &native_pool::dropped>(q));

    lock.lock();
    --running_;
    if (ctx.worker_terminated()) {
      // This worker is dead: a new thread takes its lane (the pool goes on), this one ends.
      dead_.push_back(std::move(threads_[lane]));
      threads_[lane] = std::thread(&native_pool::work, this, lane);
      ++replaced_;
      if (queue_.empty() && running_ == 0) drained_.notify_all();
      return;
    }
    if (queue_.empty() && running_ == 0) drained_.notify_all();
  }
}

void native_pool::completed(void* done) {
  std::unique_ptr<queued_job> q(static_cast<queued_job*>(done));
  event_loop& loop = *q->loop;
  if (loop_observer* o = loop.observer()) {
    // Measured instants on the loop's clock (which follows the wall clock while jobs are out).
    const double start = std::max(q->queued, loop.time_at(q->start));
    const double end = std::min(loop.time(), std::max(start, loop.time_at(q->end)));
    o->executor_job(q->pool, q->lane, q->what, q->queued, start, end, q->job->for_task);
  }
  q->job->deliver(*q->job);  // _set_state: the asyncio future completes now
}

void native_pool::dropped(void* done) {
  std::unique_ptr<queued_job> q(static_cast<queued_job*>(done));
  q->job->drop(*q->job);
}

void native_pool::shutdown(bool wait) {
  {
    std::lock_guard lock(mutex_);
    shut_down_ = true;
    if (!wait) {
      stopping_ = true;  // workers leave once the queue is empty; joined by the destructor
      has_work_.notify_all();
      return;
    }
  }
  const auto begin = wall_clock::now();
  bool waited = false;
  {
    std::unique_lock lock(mutex_);
    waited = !queue_.empty() || running_ != 0;
    drained_.wait(lock, [&] { return queue_.empty() && running_ == 0; });
    stopping_ = true;
  }
  has_work_.notify_all();
  // The loop's thread was blocked: its clock and the diagram show the measured wait.
  if (waited)
    if (event_loop* loop = event_loop::current())
      loop->blocked_really(std::chrono::duration<double>(wall_clock::now() - begin).count());
}

bool native_pool::idle() const {
  std::lock_guard lock(mutex_);
  return queue_.empty() && running_ == 0;
}

int native_pool::replaced_workers() const {
  std::lock_guard lock(mutex_);
  return replaced_;
}

std::unique_ptr<executor> native_executors::make(pool_kind, int max_workers) const {
  return std::make_unique<native_pool>(std::min(max_workers, workers_));
}

}  // namespace asyncrace::pool
