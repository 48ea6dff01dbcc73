// The page's Web Workers as the real executors (browser builds only): one process-wide set of
// workers (message_pool.hpp) on the transport of web_pool.js. Each worker runs the script
// asyncrace_worker.js (web/), found next to the page, which loads the page's own module without
// running main() (its worker side: src/app/worker_entry.cpp).
#pragma once

#include "message_pool.hpp"

namespace asyncrace::pool {

// The page's workers (started on first use; prestart to have them ready before a run needs them).
message_workers& web_workers();
// Web Workers exist here (a browser page; not node).
bool web_workers_available();
// The page is cross-origin isolated (SharedArrayBuffer usable). Reported only: the pool never
// needs it.
bool cross_origin_isolated();
// navigator.hardwareConcurrency.
int web_hardware_threads();
// Called after each reply or death web_pool.js hands over (null: nobody listens).
using worker_news_listener = void (*)();
worker_news_listener& web_worker_news_listener();

}  // namespace asyncrace::pool
