// A recording as a Chrome Trace Event file (the JSON that Perfetto and chrome://tracing open):
//   - process 1, "asyncio event loop": one async track per task (nestable b/e events, id2.local =
//     the task id) spanning its life, with each await / sleep as a nested slice and each step as an
//     instant; the loop's own thread carries the printed lines (instant events) and the spans the
//     loop was blocked (time.sleep, CPU work on the loop);
//   - process 2 + N, "executor pool N": one thread track per worker, each job a complete (X) event;
//   - flow arrows (v2: bind_id + flow_out / flow_in) from create_task to the new task's first step,
//     and from a job to the step of the task that its result woke.
// Timestamps are virtual microseconds; events are ordered by time, so every track is in order.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "recording.hpp"

namespace asyncrace::trace {

// What the run was, written to the file's "otherData" (tutorial, tie policy, seed, ...).
using trace_about = std::vector<std::pair<std::string, std::string>>;

std::string to_chrome_trace(const recording& r, const trace_about& about = {});

}  // namespace asyncrace::trace
