// Choosing the executor mode of a run: virtual workers (the deterministic default) or real ones.
// This is all a session or a CLI needs; the pools themselves are native_pool.hpp (std::thread)
// and, in the browser, web_pool.hpp (Web Workers).
#pragma once

#include <algorithm>
#include <memory>
#include <string>

#include "asyncio/job_context.hpp"
#include "loop/executor.hpp"

namespace asyncrace::pool {

// Largest worker count accepted from a user (CLI, page).
inline constexpr int max_user_workers = 256;

// True where real pools exist here (native: std::thread; a browser page: Web Workers; not node).
bool real_executors_available();
// The hardware threads (std::thread::hardware_concurrency, navigator.hardwareConcurrency; at
// least 1); 1 where there are no real pools.
int hardware_workers();
// The page's set of Web Workers, as tests and the bench read it: how many were started and
// replaced (died or recycled), and whether the page is cross-origin isolated (reported only: the
// pool never needs it). All zero natively, where each pool starts its own threads.
struct worker_set_stats {
  int started = 0;
  int replaced = 0;
  bool cross_origin_isolated = false;
};
worker_set_stats real_worker_set_stats();
// Starts `workers` real workers ahead of need (a Web Worker's first start costs ~150 ms), so a
// run that uses them finds them ready. Nothing to do natively.
void prestart_real_workers(int workers);
// Calls `listener` on the page's thread after a real worker's reply or death has reached its
// pool, so a page that draws only when something changes draws the news. Web Workers only:
// native pools' threads hand their results to the loop, which a playing run is drawing anyway.
void on_worker_news(void (*listener)());
// An executor factory whose pools really run their jobs on at most `workers` workers each
// (a pool asking for fewer gets fewer); null where real_executors_available() is false.
std::unique_ptr<executor_factory> make_real_executors(int workers);

}  // namespace asyncrace::pool
