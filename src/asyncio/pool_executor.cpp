#include "asyncio/pool_executor.hpp"

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
  if (!loop.default_executor()) {
    running_scope scope(&loop);  // the pool is made for this loop (virtual, or from its factory)
    loop.set_default_executor(std::make_unique<thread_pool_executor>());
  }
  return *loop.default_executor();
}

}  // namespace asyncrace
