// The pools the code creates: concurrent.futures' ThreadPoolExecutor and ProcessPoolExecutor, and
// the loop's default executor. `executor` (loop/executor.hpp) is the one interface both modes plug
// into: a real pool (src/pool: std::thread natively; Web Workers in the browser) takes the same
// executor_job, gives its run a real job_context (its sleep really sleeps, its time is measured)
// and hands the outcome back through event_loop::external_done. Which one the seed's
// `ThreadPoolExecutor()` makes is the loop's choice (loop_options::executors): these are facades
// over the pool the loop's executor_factory makes, a virtual_pool without one.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>

#include "loop/event_loop.hpp"
#include "loop/executor.hpp"

namespace asyncrace {

// The reference transcripts' os.cpu_count().
inline constexpr int default_cpu_count = 8;

// A pool the code creates (`ThreadPoolExecutor()`, `ProcessPoolExecutor()`): the running loop's
// executor_factory makes it, or it is a virtual_pool. ValueError for max_workers <= 0 either way.
class pool_executor : public executor {
 public:
  void submit(executor_job& job) override { impl_->submit(job); }
  void shutdown(bool wait = true) override { impl_->shutdown(wait); }
  bool idle() const override { return impl_->idle(); }
  std::uint32_t id() const override { return impl_->id(); }
  bool real() const { return real_; }

 protected:
  pool_executor(pool_kind kind, int max_workers, const event_loop* loop = event_loop::current());

 private:
  std::unique_ptr<executor> impl_;
  bool real_ = false;
};

// concurrent.futures.ThreadPoolExecutor(max_workers): by default min(32, cpu_count + 4) workers.
class thread_pool_executor : public pool_executor {
 public:
  explicit thread_pool_executor(std::optional<int> max_workers = std::nullopt, int cpu_count = default_cpu_count)
      : pool_executor(pool_kind::thread, max_workers.value_or(std::min(32, cpu_count + 4))) {}
};

// concurrent.futures.ProcessPoolExecutor(max_workers): by default cpu_count workers. (A job's
// writes to globals would stay in its process; a virtual job, or a native real one, runs in this one.)
class process_pool_executor : public pool_executor {
 public:
  explicit process_pool_executor(std::optional<int> max_workers = std::nullopt, int cpu_count = default_cpu_count)
      : pool_executor(pool_kind::process, max_workers.value_or(cpu_count)) {}
};

// The loop's default executor (loop._default_executor): a ThreadPoolExecutor made on first use,
// owned by the loop.
executor& default_executor(event_loop& loop);

}  // namespace asyncrace
