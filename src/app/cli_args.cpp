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

// The options `run` and `run-file` share; `positional` takes what is not an option. Empty when
// all is well, else the usage error.
template <class Positional>
std::string parse_options(const std::vector<std::string>& args, tutorials::run_options& options, output_format& format,
                          python::run_limits* limits, bool& have_ties, bool& have_workers, Positional positional) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    auto got = [](const std::string* v) { return v ? " (got '" + *v + "')" : std::string(); };
    if (a == "--tie-break") {
      const std::string* v = value();
      auto p = v ? parse_tie_policy(*v) : std::nullopt;
      if (!p) return "--tie-break needs one of: fifo, cpython-heap, jitter" + got(v);
      options.ties = *p;
      have_ties = true;
    } else if (a == "--seed") {
      const std::string* v = value();
      if (!v || !parse_u64(*v, options.seed)) return "--seed needs a whole number from 0 to 18446744073709551615" + got(v);
    } else if (a == "--jitter-us") {
      const std::string* v = value();
      if (!v || !parse_double(*v, options.jitter_us)) return "--jitter-us needs a number of microseconds from 0 to 1000000" + got(v);
      if (std::string bad = tutorials::validate(options); !bad.empty()) return "--jitter-us: " + bad;
    } else if (a == "--executor") {
      const std::string* v = value();
      if (v && *v == "virtual") options.executors = tutorials::executor_mode::virtual_workers;
      else if (v && *v == "real") options.executors = tutorials::executor_mode::real;
      else return "--executor needs one of: virtual, real" + got(v);
      if (std::string bad = tutorials::validate(options); !bad.empty()) return "--executor: " + bad;
    } else if (a == "--workers") {
      const std::string* v = value();
      std::uint64_t n = 0;
      if (!v || !parse_u64(*v, n) || n < 1 || n > static_cast<std::uint64_t>(pool::max_user_workers))
        return "--workers needs a whole number from 1 to " + std::to_string(pool::max_user_workers) + got(v);
      options.workers = static_cast<int>(n);
      have_workers = true;
    } else if (a == "--steps") {
      options.loop_states = true;
    } else if (a == "--format") {
      const std::string* v = value();
      if (v && *v == "text") format = output_format::text;
      else if (v && *v == "jsonl") format = output_format::jsonl;
      else if (v && *v == "chrome-trace") format = output_format::chrome_trace;
      else return "--format needs one of: text, jsonl, chrome-trace" + got(v);
    } else if (limits && a.rfind("--max-", 0) == 0) {
      const std::string* v = value();
      std::uint64_t n = 0;
      if (!v || !parse_u64(*v, n)) return a + " needs a whole number" + got(v);
      if (a == "--max-steps") limits->max_steps = n;
      else if (a == "--max-lines") limits->max_printed_lines = n;
      else if (a == "--max-recursion") limits->max_recursion = static_cast<std::uint32_t>(n > 1000000 ? 1000000 : n);
      else if (a == "--max-memory-mb") limits->max_memory = n << 20;
      else if (a == "--max-tasks") limits->max_tasks = n;
      else return "unknown option '" + a + "'; valid limits: --max-steps, --max-lines, --max-recursion, --max-memory-mb, --max-tasks";
      if (std::string bad = python::validate(*limits); !bad.empty()) return bad + got(v);
    } else if (a.size() > 1 && a[0] == '-') {
      return "unknown option '" + a + "' for " + args[0] + "; valid: --tie-break, --seed, --jitter-us, --executor, --workers, --format, --steps" +
             (limits ? ", --max-steps, --max-lines, --max-recursion, --max-memory-mb, --max-tasks" : "");
    } else if (std::string bad = positional(a); !bad.empty()) {
      return bad;
    }
  }
  if (have_workers && options.executors != tutorials::executor_mode::real) return "--workers sizes real pools: it needs --executor real";
  return {};
}

command parse_run(const std::vector<std::string>& args) {
  run_command run;
  bool have_slug = false, have_ties = false, have_workers = false;
  std::string bad = parse_options(args, run.options, run.format, nullptr, have_ties, have_workers, [&](const std::string& a) {
    if (have_slug) return "run takes one tutorial, got a second: '" + a + "'";
    run.slug = a;
    have_slug = true;
    return std::string();
  });
  if (!bad.empty()) return usage_error{bad};
  if (!have_slug) return usage_error{"run needs a tutorial; valid: " + slugs()};
  const tutorials::tutorial* t = tutorials::find(run.slug);
  if (!t) return usage_error{"unknown tutorial '" + run.slug + "'; valid: " + slugs()};
  if (!have_ties) run.options.ties = t->info->ties;  // the order the seed's own output shows
  return run;
}

command parse_run_file(const std::vector<std::string>& args) {
  run_file_command run;
  bool have_path = false, have_workers = false;
  std::string bad = parse_options(args, run.options, run.format, &run.limits, run.ties_given, have_workers, [&](const std::string& a) {
    if (have_path) return "run-file takes one program, got a second: '" + a + "'";
    run.path = a;
    have_path = true;
    return std::string();
  });
  if (!bad.empty()) return usage_error{bad};
  if (!have_path) return usage_error{"run-file needs a program: a .py file, or - for standard input"};
  return run;
}

command parse_stats(const std::vector<std::string>& args) {
  stats_command stats;
  stats.options.ties = tie_policy::jitter;
  bool have_slug = false, have_runs = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    const std::string* v = i + 1 < args.size() ? &args[i + 1] : nullptr;
    const std::string got = v ? " (got '" + *v + "')" : std::string();
    if (a == "--runs") {
      std::uint64_t n = 0;
      if (!v || !parse_u64(*v, n) || n < 1 || n > tutorials::max_stats_runs)
        return usage_error{"--runs needs a whole number from 1 to " + std::to_string(tutorials::max_stats_runs) + got};
      stats.runs = static_cast<std::uint32_t>(n);
      have_runs = true;
      ++i;
    } else if (a == "--tie-break") {
      auto p = v ? parse_tie_policy(*v) : std::nullopt;
      if (!p) return usage_error{"--tie-break needs one of: fifo, cpython-heap, jitter" + got};
      stats.options.ties = *p;
      ++i;
    } else if (a == "--seed") {
      if (!v || !parse_u64(*v, stats.options.seed) || stats.options.seed > UINT64_MAX - tutorials::max_stats_runs)
        return usage_error{"--seed needs the first seed, a whole number" + got};
      ++i;
    } else if (a == "--jitter-us") {
      if (!v || !parse_double(*v, stats.options.jitter_us)) return usage_error{"--jitter-us needs a number of microseconds from 0 to 1000000" + got};
      if (std::string bad = tutorials::validate(stats.options); !bad.empty()) return usage_error{"--jitter-us: " + bad};
      ++i;
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error{"unknown option '" + a + "' for stats; valid: --runs, --tie-break, --seed, --jitter-us"};
    } else {
      if (have_slug) return usage_error{"stats takes one tutorial, got a second: '" + a + "'"};
      stats.slug = a;
      have_slug = true;
    }
  }
  if (!have_slug) return usage_error{"stats needs a tutorial; valid: " + slugs()};
  if (!tutorials::find(stats.slug)) return usage_error{"unknown tutorial '" + stats.slug + "'; valid: " + slugs()};
  if (!have_runs) return usage_error{"stats needs --runs N (1 to " + std::to_string(tutorials::max_stats_runs) + ")"};
  return stats;
}

}  // namespace

command parse(const std::vector<std::string>& args) {
  if (args.empty()) return usage_error{"missing command; valid: list, run <tutorial>, run-file <program.py>, stats <tutorial>, help"};
  const std::string& c = args[0];
  if (c == "list") {
    if (args.size() > 1) return usage_error{"list takes no arguments (got '" + args[1] + "')"};
    return list_command{};
  }
  if (c == "help" || c == "--help" || c == "-h") return help_command{};
  if (c == "run") return parse_run(args);
  if (c == "run-file") return parse_run_file(args);
  if (c == "stats") return parse_stats(args);
  return usage_error{"unknown command '" + c + "'; valid: list, run <tutorial>, run-file <program.py>, stats <tutorial>, help"};
}

std::string usage() {
  return "usage: asyncrace list\n"
         "       asyncrace run <tutorial> [--tie-break fifo|cpython-heap|jitter] [--seed N]\n"
         "                                [--jitter-us X] [--executor virtual|real [--workers N]]\n"
         "                                [--format text|jsonl|chrome-trace] [--steps]\n"
         "       asyncrace run-file <program.py | -> [the options of run] [--max-steps N] [--max-lines N]\n"
         "                                [--max-recursion N] [--max-memory-mb N] [--max-tasks N]\n"
         "       asyncrace stats <tutorial> --runs N [--tie-break jitter] [--seed FIRST] [--jitter-us X]\n"
         "\n"
         "Runs asyncio tutorials on asyncrace's C++20 scheduler with a virtual clock and prints\n"
         "what CPython prints, with the virtual time of each line.\n"
         "  --tie-break  order of timers with equal deadlines (default: the tutorial's, the order its\n"
         "               seed shows; cpython-heap is CPython's heapq order, fifo scheduling order,\n"
         "               jitter adds a seeded random offset)\n"
         "  --seed       jitter seed (default 1)\n"
         "  --jitter-us  jitter range in microseconds (default 50)\n"
         "  --executor   who runs to_thread / run_in_executor jobs: virtual workers on the virtual\n"
         "               clock (default), or real native threads, with measured times (run-file:\n"
         "               a ProcessPoolExecutor's jobs, each thread importing the program)\n"
         "  --workers    real mode: at most N worker threads per pool (default: the hardware threads)\n"
         "  --format     text (time column + line, default), jsonl (the golden transcript format) or\n"
         "               chrome-trace (Trace Event JSON for Perfetto / chrome://tracing: a track per\n"
         "               task with its awaits, prints as instants, a track per pool worker, flows)\n"
         "  --steps      instead of the transcript, one JSON object per loop iteration: iteration, t,\n"
         "               ready (the queue, FIFO), timers (CPython's heap array: deadline, seq, task),\n"
         "               popped (timers fired, in order); states above 64 MiB are not recorded (said)\n"
         "stats runs a tutorial for seeds FIRST..FIRST+N-1 (N up to 1000; FIRST 1, ties jitter by\n"
         "default) and prints each task's finish-rank counts and the most frequent finish orders.\n"
         "run-file runs any asyncio program with the Python interpreter on the same scheduler (exit 0:\n"
         "it ended normally; 1: it raised or hit a limit; 2: bad arguments or an unreadable file).\n"
         "Ties default to cpython-heap, or fifo when the file's first line is '# ties: fifo'.\n"
         "  --max-steps      bytecode instructions (default 200000000)\n"
         "  --max-lines      printed lines (default 100000)\n"
         "  --max-recursion  Python frames deep (default 1000, CPython's)\n"
         "  --max-memory-mb  memory of Python objects (default 512)\n"
         "  --max-tasks      asyncio Tasks created (default 1000000)\n";
}

}  // namespace asyncrace::cli
