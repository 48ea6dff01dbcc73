// The command line of the `asyncrace` binary, parsed without side effects so it can be tested.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "python/limits.hpp"
#include "tutorials/rank_stats.hpp"
#include "tutorials/session.hpp"

namespace asyncrace::cli {

// text: time column + line; jsonl: the golden transcript format; chrome_trace: a Trace Event file
// (Perfetto, chrome://tracing) of the whole run.
enum class output_format { text, jsonl, chrome_trace };

struct list_command {};
struct help_command {};
// With --steps (options.loop_states), run and run-file print one JSON object per loop iteration
// (trace::to_json) instead of the transcript.
struct run_command {
  std::string slug;
  tutorials::run_options options;
  output_format format = output_format::text;
};
// `asyncrace run-file PROGRAM.py` (or `-` for standard input): a program of one's own, run by
// the Python interpreter on the same scheduler.
struct run_file_command {
  std::string path;
  tutorials::run_options options;
  output_format format = output_format::text;
  python::run_limits limits;
  bool ties_given = false;  // else the file's first line "# ties: fifo" or cpython-heap
};
// `asyncrace stats <tutorial> --runs N [--tie-break jitter] [--seed FIRST] [--jitter-us X]`:
// finish-rank statistics over seeds FIRST..FIRST+N-1 (tutorials::rank_stats).
struct stats_command {
  std::string slug;
  tutorials::run_options options;  // ties default to jitter; seed: the first one
  std::uint32_t runs = 0;
};
// A one-line message naming the problem and the valid choices (exit status 2).
struct usage_error {
  std::string message;
};

using command = std::variant<list_command, help_command, run_command, run_file_command, stats_command, usage_error>;

command parse(const std::vector<std::string>& args);
std::string usage();

}  // namespace asyncrace::cli
