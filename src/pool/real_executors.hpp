// Choosing the executor mode of a run: virtual workers (the deterministic default) or real ones.
// This is all a session or a CLI needs; the pools themselves are native_pool.hpp (and, later, the
// page's Web Workers).
#pragma once

#include <memory>
#include <string>

#include "sched/executor.hpp"

namespace asyncrace::pool {

// Largest worker count accepted from a user (CLI, page).
inline constexpr int max_user_workers = 256;

// True where real pools exist in this build (native: std::thread; not yet in the browser).
bool real_executors_available();
// The hardware threads (std::thread::hardware_concurrency, at least 1); 1 where there are none.
int hardware_workers();
// An executor factory whose pools really run their jobs on at most `workers` workers each
// (a pool asking for fewer gets fewer); null where real_executors_available() is false.
std::unique_ptr<executor_factory> make_real_executors(int workers);

}  // namespace asyncrace::pool
