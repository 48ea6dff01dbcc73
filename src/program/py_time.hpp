// Python's `time` module as tutorials call it (`import time`), on the virtual clock: time.time()
// reads the loop's clock with an epoch of 0.0, as the golden transcripts do, so
// f"{time.time():.3f}" prints 0.000, 1.000, ... (docs/asyncio-model.md, "Virtual clock").
//
// These are the loop thread's clock and sleep (coroutines and module-level code, which
// program_runner runs with its loop current). A job on a virtual worker has its own clock: it
// sleeps with job_context::sleep and reads job_context::time (asyncio/job_context.hpp).
#pragma once

#include "asyncio/sleep.hpp"
#include "loop/event_loop.hpp"

namespace asyncrace::time {

// time.time(): seconds on the virtual clock (0.0 outside any loop).
inline double time() {
  const event_loop* loop = event_loop::current();
  return loop ? loop->time() : 0.0;
}
// time.perf_counter() and time.monotonic() read the same clock.
inline double perf_counter() { return time(); }
inline double monotonic() { return time(); }

// time.sleep(seconds) on the loop's thread: the clock advances and nothing else runs (the race
// diagram shows the loop blocked).
inline void sleep(double seconds) { blocking_sleep(seconds); }

}  // namespace asyncrace::time
