#include "asyncio/pool_executor.hpp"

#include <vector>

#include "asyncio/virtual_pool.hpp"
#include "pyrt/py_exception.hpp"

namespace asyncrace {

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

}  // namespace asyncrace
