// Peak memory of this process, the figure the benchmark reports next to each time.
#pragma once

namespace asyncrace::bench {

// Natively the peak resident set (getrusage's ru_maxrss); in wasm the size of the wasm memory,
// which only grows, so at the end it is the peak. In MiB.
double peak_memory_mb();

}  // namespace asyncrace::bench
