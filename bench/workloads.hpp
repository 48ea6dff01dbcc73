// The benchmark's workloads, the same three bench/asyncio_workloads.py runs on CPython's asyncio.
#pragma once

#include <cstdint>
#include <string_view>

#include "trace/recording.hpp"

namespace asyncrace::bench {

struct workload_result {
  std::uint64_t check = 0;    // what main returned: n for every workload (the work was done)
  double virtual_end = 0.0;  // the loop's clock when it ended
};

// "sleepers": n tasks, each `await asyncio.sleep(1)`, under one gather.
// "create_task": n × create_task(a coroutine doing `await asyncio.sleep(0)`), then each awaited.
// "chain": a coroutine awaiting a coroutine ... n deep; the innermost awaits leaf(), which does
// `await asyncio.sleep(0)`.
// Runs on a fresh event_loop, observed by `recording` unless it is null (tracing off). False for
// an unknown name.
bool run_workload(std::string_view name, std::uint32_t n, trace::recording* recording,
                  workload_result& out);

}  // namespace asyncrace::bench
