#include "real_executors.hpp"

#if defined(ASYNCRACE_NATIVE_POOL)
#include <thread>

#include "native_pool.hpp"
#elif defined(ASYNCRACE_WEB_POOL)
#include "web_pool.hpp"
#endif

namespace asyncrace::pool {

#if defined(ASYNCRACE_NATIVE_POOL)
bool real_executors_available() { return true; }
int hardware_workers() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}
std::unique_ptr<executor_factory> make_real_executors(int workers) {
  return std::make_unique<native_executors>(workers);
}
void prestart_real_workers(int) {}  // a native pool's threads start with it (microseconds)
worker_set_stats real_worker_set_stats() { return {}; }
void on_worker_news(void (*)()) {}
#elif defined(ASYNCRACE_WEB_POOL)
bool real_executors_available() { return web_workers_available(); }
int hardware_workers() { return real_executors_available() ? std::max(1, web_hardware_threads()) : 1; }
std::unique_ptr<executor_factory> make_real_executors(int workers) {
  if (!real_executors_available()) return nullptr;
  return std::make_unique<message_executors>(web_workers(), workers);
}
void prestart_real_workers(int workers) {
  if (real_executors_available()) web_workers().prestart(workers);
}
worker_set_stats real_worker_set_stats() {
  if (!real_executors_available()) return {};
  return {web_workers().started(), web_workers().replaced(), cross_origin_isolated()};
}
void on_worker_news(void (*listener)()) { web_worker_news_listener() = listener; }
#else
bool real_executors_available() { return false; }
int hardware_workers() { return 1; }
std::unique_ptr<executor_factory> make_real_executors(int) { return nullptr; }
void prestart_real_workers(int) {}
worker_set_stats real_worker_set_stats() { return {}; }
void on_worker_news(void (*)()) {}
#endif

}  // namespace asyncrace::pool
