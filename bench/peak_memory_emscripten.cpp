#include <emscripten/heap.h>

#include "peak_memory.hpp"

namespace asyncrace::bench {

double peak_memory_mb() { return static_cast<double>(emscripten_get_heap_size()) / (1024.0 * 1024.0); }

}  // namespace asyncrace::bench
