// A tutorial: one runnable example of the seeds, with the Python a learner reads, the C++ that
// really runs (both embedded at build time from the tutorial's own files) and what to notice.
#pragma once

#include <string_view>

#include "sched/task.hpp"

namespace asyncrace::tutorials {

// What a tutorial's own .cpp file defines (as `const tutorial_info <slug>_info`).
struct tutorial_info {
  std::string_view slug;         // "nine_tasks_race"
  std::string_view seed;         // "000": the seed document it comes from
  std::string_view topic;        // grouping in the page: "gather", "sequential vs concurrent", ...
  std::string_view title;        // one line for `asyncrace list` and the page's list
  std::string_view explanation;  // what to notice, in our own words
  task<void> (*main)();          // the coroutine asyncio.run() is given
};

struct tutorial {
  const tutorial_info* info;
  std::string_view python_source;  // the seed's code, as shown and as CPython ran it for the goldens
  std::string_view cpp_source;     // the file that defines `info` and `main`

  std::string_view slug() const { return info->slug; }
};

}  // namespace asyncrace::tutorials
