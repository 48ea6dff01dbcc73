#include "run_about.hpp"

#include <cstdio>
#include <string>

namespace asyncrace::tutorials {

trace::trace_about about_run(const session& s) {
  const run_options& o = s.options();
  trace::trace_about about{s.interpreted() ? trace::trace_about::value_type{"program", s.program_name()}
                                           : trace::trace_about::value_type{"tutorial", std::string(s.source().slug())},
                           {"tie_break", std::string(to_string(o.ties))}};
  if (o.ties == tie_policy::jitter) {
    char jitter[32];
    std::snprintf(jitter, sizeof jitter, "%g", o.jitter_us);
    about.emplace_back("seed", std::to_string(o.seed));
    about.emplace_back("jitter_us", jitter);
  }
  about.emplace_back("executor", o.executors == executor_mode::real ? "real" : "virtual");
  if (!s.error().empty()) about.emplace_back("error", s.error());
  return about;
}

}  // namespace asyncrace::tutorials
