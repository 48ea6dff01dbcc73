#include "asyncio/job_context.hpp"

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

}  // namespace asyncrace
