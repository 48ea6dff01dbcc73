#include <sys/resource.h>

#include "peak_memory.hpp"

namespace asyncrace::bench {

double peak_memory_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

}  // namespace asyncrace::bench
