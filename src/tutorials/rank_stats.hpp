// Statistics over many runs of one tutorial (`asyncrace stats`): for seeds first..first+runs-1,
// each task's finish rank and the finish orders with their counts. Runs are seeded, so the same
// seed range always gives the same table. Tasks are identified by their id (creation order), and
// labelled from the first run.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tutorials/session.hpp"

namespace asyncrace::tutorials {

struct rank_table {
  struct task_row {
    task_id id = no_task;
    std::string name;        // "Task-4"
    std::string coro;        // "do_some_work"
    std::string first_line;  // the first line it printed, which tells identical tasks apart
    std::vector<std::uint32_t> ranks;  // ranks[r]: runs in which it finished (r + 1)-th
    bool operator==(const task_row&) const = default;
  };
  struct order {
    std::vector<task_id> tasks;       // in finish order
    std::uint32_t count = 0;          // runs that finished in this order
    std::uint64_t first_seed = 0;     // the first seed that did
    bool is_default = false;          // the order of the tutorial's own run (its default policy)
    bool operator==(const order&) const = default;
  };
  std::string slug;
  run_options options;               // the policy and jitter of every run (seed: the first)
  std::uint32_t runs = 0;
  std::vector<task_row> tasks;       // in creation order
  std::vector<order> orders;         // most frequent first; ties by first seed
  std::vector<task_id> default_order;  // the tutorial's own run (tie policy of its seed, seed 1)
  std::string error;                 // a run that failed (the table then covers the runs before it)
  bool operator==(const rank_table& o) const {
    return slug == o.slug && runs == o.runs && tasks == o.tasks && orders == o.orders &&
           default_order == o.default_order && error == o.error;
  }
};

inline constexpr std::uint32_t max_stats_runs = 1000;

// The statistics as a job done a few runs at a time: the page runs it in slices between frames
// (so it never freezes, shows progress and can stop), the CLI all at once (rank_stats). Either
// way the runs and the table are the same.
class rank_stats_job {
 public:
  // Seeds options.seed .. options.seed + runs - 1 (runs capped at max_stats_runs).
  rank_stats_job(const tutorial& t, const run_options& options, std::uint32_t runs);
  // Runs up to `max_runs` more; false once all are done (or one failed).
  bool step(std::uint32_t max_runs = 1);
  bool done() const { return done_; }
  std::uint32_t runs_done() const { return runs_done_; }
  std::uint32_t runs_wanted() const { return wanted_; }
  // The table of the runs so far (orders sorted, ranks padded): complete once done().
  rank_table table() const;

 private:
  const tutorial* tutorial_;
  rank_table partial_;  // tasks and ranks so far; orders_ holds the orders
  std::map<std::vector<task_id>, rank_table::order> orders_;
  std::uint32_t wanted_ = 0;
  std::uint32_t runs_done_ = 0;
  bool done_ = false;
  void count(const trace::recording& r, std::uint64_t seed);
};

// Runs `t` `runs` times with seeds options.seed, options.seed + 1, ...
rank_table rank_stats(const tutorial& t, const run_options& options, std::uint32_t runs);

// The table as text: the task x rank counts, then the `top` most frequent orders ("*" marks the
// tutorial's own order, with a line saying where it is when it is not among them).
std::string to_text(const rank_table& table, std::size_t top = 10);

}  // namespace asyncrace::tutorials
