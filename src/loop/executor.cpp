#include "loop/executor.hpp"

#include <atomic>

namespace asyncrace {

std::uint32_t next_executor_id() {
  static std::atomic<std::uint32_t> last{0};
  return last.fetch_add(1, std::memory_order_relaxed) + 1;
}

}  // namespace asyncrace
