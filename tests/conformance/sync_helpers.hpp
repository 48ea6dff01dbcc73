// Small helpers the queue and lock scenarios share (twins: sync/*.py).
#pragma once

#include <string>

#include "scenario.hpp"

namespace asyncrace::conformance::sync {

inline double now() { return loop_time(); }

// A coroutine that only prints: a task whose one step is a line of output.
inline task<> say(std::string text) {
  print(text);
  co_return;
}

// Awaits a task that may have been cancelled, and says so.
inline task<> finish(task_handle<> t) {
  try {
    co_await t;
  } catch (const asyncio::CancelledError&) {
    print("  task cancelled:", t.cancelled());
  }
}

}  // namespace asyncrace::conformance::sync
