// What a run was, as the exporters write it beside the data ("otherData" of a trace file, the
// header of a transcript): tutorial, tie policy, seed, jitter, executors.
#pragma once

#include "session.hpp"
#include "trace/chrome_trace.hpp"

namespace asyncrace::tutorials {

trace::trace_about about_run(const session& s);

}  // namespace asyncrace::tutorials
