// Statistics over many runs: the selected tutorial run for seeds 1..N under jitter (a
// tutorials::rank_stats_job, N up to 1,000), computed a few runs at a time between frames so the
// page never freezes (progress shown, Stop works), drawn as a task x rank heat map (rows tasks,
// columns ranks, colour by count, the count on hover) and the most frequent finish orders with
// their counts; the shown run's own order is marked where it appears.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "layout.hpp"
#include "tutorials/rank_stats.hpp"

namespace asyncrace::ui {

class app_state;

class stats_view {
 public:
  // Opens the window and starts `runs` runs of the selected tutorial (false, with a message in
  // problem(), when there is no tutorial to run: "Your program" or an edit).
  bool open(const app_state& app, std::uint32_t runs);
  void close() { open_ = false; }
  // Stops the runs where they are: the table so far stays.
  void stop();
  bool is_open() const { return open_; }
  bool running() const { return job_ != nullptr && !job_->done() && !stopped_; }
  // Does the next slice of runs (about `budget_ms` of work) and draws the window over `diagram`.
  void draw(const app_state& app, const rect& diagram, double budget_ms = 12.0);
  // Runs every remaining run now (native tests; the page slices them in draw()).
  void finish();

  // The table so far (automation reads it).
  const tutorials::rank_table& table() const { return table_; }
  std::uint32_t runs_wanted() const { return job_ ? job_->runs_wanted() : 0; }
  const std::string& problem() const { return problem_; }
  // A row's label, as the heat map and the orders write it: the finish token, else the name.
  std::string label(const tutorials::rank_table::task_row& row) const;
  // The orders of the tasks that print (what the learner reads), merged: their labels and counts,
  // most frequent first; `mine` marks the shown run's order.
  struct shown_order {
    std::vector<std::string> labels;
    std::uint32_t count = 0;
    bool mine = false;
  };
  std::vector<shown_order> shown_orders(const app_state& app) const;

  // Where the header's button that opens it was drawn last frame (automation checks it is on screen).
  rect button;

 private:
  std::unique_ptr<tutorials::rank_stats_job> job_;
  tutorials::rank_table table_;
  bool open_ = false;
  bool stopped_ = false;
  int runs_input_ = 1000;
  std::string problem_;
  bool tokens_ = false;  // the rows' first lines tell the tasks apart (labels are their tokens)

  void work(double budget_ms);
  void controls(const app_state& app);
  void heat_map(const app_state& app);
  void orders(const app_state& app);
};

}  // namespace asyncrace::ui
