#include "real_executors.hpp"

#ifdef ASYNCRACE_NATIVE_POOL
#include <thread>

#include "native_pool.hpp"
#endif

namespace asyncrace::pool {

#ifdef ASYNCRACE_NATIVE_POOL
bool real_executors_available() { return true; }
int hardware_workers() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}
std::unique_ptr<executor_factory> make_real_executors(int workers) {
  return std::make_unique<native_executors>(workers);
}
#else
bool real_executors_available() { return false; }
int hardware_workers() { return 1; }
std::unique_ptr<executor_factory> make_real_executors(int) { return nullptr; }
#endif

}  // namespace asyncrace::pool
