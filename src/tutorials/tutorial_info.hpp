// What the catalog knows of a tutorial: its names, its texts and the entry to its program. The CLI
// and the views include this header, not tutorial.hpp, which pulls in all of asyncio for the
// tutorials' own .cpp files.
#pragma once

#include <string>
#include <string_view>

#include "loop/tie_policy.hpp"

namespace asyncrace {
class program;  // program/program.hpp: a tutorial's module-level code
}

namespace asyncrace::tutorials {

// What a tutorial's own .cpp file defines (as `const tutorial_info <slug>_info`).
struct tutorial_info {
  std::string_view slug;         // "nine_tasks_race"
  std::string_view seed;         // "000": the seed document it comes from
  std::string_view topic;        // grouping in the page: "gather", "sequential vs concurrent", ...
  std::string_view title;        // one line for `asyncrace list` and the page's list
  std::string_view explanation;  // what to notice, in our own words
  // How equal timer deadlines break by default: the order the seed's own output shows (CPython's
  // heap order for a coarse clock, as seed 000 was recorded on; fifo for a fine clock).
  tie_policy ties = tie_policy::cpython_heap;
  program (*script)();           // the module-level code: what `python3 <slug>.py` runs
};

// A tutorial's group is a seed document ("000": files in src/tutorials/seed000/, headed "Seed 000")
// or a group of our own ("scale": files in src/tutorials/scale/, headed "Scale").
inline bool from_seed(const tutorial_info& t) {
  return !t.seed.empty() && t.seed.find_first_not_of("0123456789") == std::string_view::npos;
}
inline std::string folder_of(const tutorial_info& t) {
  return from_seed(t) ? "seed" + std::string(t.seed) : std::string(t.seed);
}
inline std::string group_heading(const tutorial_info& t) {
  if (from_seed(t)) return "Seed " + std::string(t.seed);
  std::string heading(t.seed);
  if (!heading.empty() && heading[0] >= 'a' && heading[0] <= 'z') heading[0] = static_cast<char>(heading[0] - 'a' + 'A');
  return heading;
}

struct tutorial {
  const tutorial_info* info;
  std::string_view python_source;  // the seed's code, as shown and as CPython ran it for the goldens
  std::string_view cpp_source;     // the file that defines `info` and `main`

  std::string_view slug() const { return info->slug; }
};

}  // namespace asyncrace::tutorials
