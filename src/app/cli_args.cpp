#include "cli_args.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "pool/real_executors.hpp"
#include "tutorials/catalog.hpp"

namespace asyncrace::cli {
namespace {

std::string slugs() {
  std::string out;
  for (const tutorials::tutorial& t : tutorials::catalog()) out += (out.empty() ? "" : ", ") + std::string(t.slug());
  return out;
}

bool parse_u64(const std::string& s, std::uint64_t& out) {
  if (s.empty() || s[0] == '-' || s[0] == '+') return false;
  errno = 0;
  char* end = nullptr;
  unsigned long long v = std::strtoull(s.c_str(), &end, 10);
  if (errno != 0 || *end != '\0') return false;
  out = v;
  return true;
}

bool parse_double(const std::string& s, double& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return *end == '\0' && std::isfinite(out);
}

command parse_run(const std::vector<std::string>& args) {
  run_command run;
  bool have_slug = false;
  bool have_ties = false;
  bool have_workers = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* what) -> const std::string* {
      if (i + 1 >= args.size()) return nullptr;
      (void)what;
      return &args[++i];
    };
    if (a == "--tie-break") {
      const std::string* v = value("policy");
      auto p = v ? parse_tie_policy(*v) : std::nullopt;
      if (!p) return usage_error{"--tie-break needs one of: fifo, cpython-heap, jitter" + (v ? " (got '" + *v + "')" : std::string())};
      run.options.ties = *p;
      have_ties = true;
    } else if (a == "--seed") {
      const std::string* v = value("seed");
      if (!v || !parse_u64(*v, run.options.seed))
        return usage_error{"--seed needs a whole number from 0 to 18446744073709551615" + (v ? " (got '" + *v + "')" : std::string())};
    } else if (a == "--jitter-us") {
      const std::string* v = value("jitter");
      if (!v || !parse_double(*v, run.options.jitter_us))
        return usage_error{"--jitter-us needs a number of microseconds from 0 to 1000000" + (v ? " (got '" + *v + "')" : std::string())};
      if (std::string bad = tutorials::validate(run.options); !bad.empty()) return usage_error{"--jitter-us: " + bad};
    } else if (a == "--executor") {
      const std::string* v = value("mode");
      if (v && *v == "virtual") run.options.executors = tutorials::executor_mode::virtual_workers;
      else if (v && *v == "real") run.options.executors = tutorials::executor_mode::real;
      else return usage_error{"--executor needs one of: virtual, real" + (v ? " (got '" + *v + "')" : std::string())};
      if (std::string bad = tutorials::validate(run.options); !bad.empty()) return usage_error{"--executor: " + bad};
    } else if (a == "--workers") {
      const std::string* v = value("workers");
      std::uint64_t n = 0;
      if (!v || !parse_u64(*v, n) || n < 1 || n > static_cast<std::uint64_t>(pool::max_user_workers))
        return usage_error{"--workers needs a whole number from 1 to " + std::to_string(pool::max_user_workers) +
                           (v ? " (got '" + *v + "')" : std::string())};
      run.options.workers = static_cast<int>(n);
      have_workers = true;
    } else if (a == "--format") {
      const std::string* v = value("format");
      if (v && *v == "text") run.format = output_format::text;
      else if (v && *v == "jsonl") run.format = output_format::jsonl;
      else if (v && *v == "chrome-trace") run.format = output_format::chrome_trace;
      else return usage_error{"--format needs one of: text, jsonl, chrome-trace" + (v ? " (got '" + *v + "')" : std::string())};
    } else if (!a.empty() && a[0] == '-') {
      return usage_error{"unknown option '" + a + "' for run; valid: --tie-break, --seed, --jitter-us, --executor, --workers, --format"};
    } else if (!have_slug) {
      run.slug = a;
      have_slug = true;
    } else {
      return usage_error{"run takes one tutorial, got a second: '" + a + "'"};
    }
  }
  if (have_workers && run.options.executors != tutorials::executor_mode::real)
    return usage_error{"--workers sizes real pools: it needs --executor real"};
  if (!have_slug) return usage_error{"run needs a tutorial; valid: " + slugs()};
  const tutorials::tutorial* t = tutorials::find(run.slug);
  if (!t) return usage_error{"unknown tutorial '" + run.slug + "'; valid: " + slugs()};
  if (!have_ties) run.options.ties = t->info->ties;  // the order the seed's own output shows
  return run;
}

}  // namespace

command parse(const std::vector<std::string>& args) {
  if (args.empty()) return usage_error{"missing command; valid: list, run <tutorial>, help"};
  const std::string& c = args[0];
  if (c == "list") {
    if (args.size() > 1) return usage_error{"list takes no arguments (got '" + args[1] + "')"};
    return list_command{};
  }
  if (c == "help" || c == "--help" || c == "-h") return help_command{};
  if (c == "run") return parse_run(args);
  return usage_error{"unknown command '" + c + "'; valid: list, run <tutorial>, help"};
}

std::string usage() {
  return "usage: asyncrace list\n"
         "       asyncrace run <tutorial> [--tie-break fifo|cpython-heap|jitter] [--seed N]\n"
         "                                [--jitter-us X] [--executor virtual|real [--workers N]]\n"
         "                                [--format text|jsonl|chrome-trace]\n"
         "\n"
         "Runs asyncio tutorials on asyncrace's C++20 scheduler with a virtual clock and prints\n"
         "what CPython prints, with the virtual time of each line.\n"
         "  --tie-break  order of timers with equal deadlines (default: the tutorial's, the order its\n"
         "               seed shows; cpython-heap is CPython's heapq order, fifo scheduling order,\n"
         "               jitter adds a seeded random offset)\n"
         "  --seed       jitter seed (default 1)\n"
         "  --jitter-us  jitter range in microseconds (default 50)\n"
         "  --executor   who runs to_thread / run_in_executor jobs: virtual workers on the virtual\n"
         "               clock (default), or real native threads, with measured times\n"
         "  --workers    real mode: at most N worker threads per pool (default: the hardware threads)\n"
         "  --format     text (time column + line, default), jsonl (the golden transcript format) or\n"
         "               chrome-trace (Trace Event JSON for Perfetto / chrome://tracing: a track per\n"
         "               task with its awaits, prints as instants, a track per pool worker, flows)\n";
}

}  // namespace asyncrace::cli
