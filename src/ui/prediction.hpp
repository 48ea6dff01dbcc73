// Predict, then watch: the learner's guess of the finish order, made before a race runs, and its
// comparison with the real order once the run shows it. Pure (no ImGui): unit-tested. The view is
// predict_view.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "loop/tie_policy.hpp"
#include "trace/finish_rules.hpp"
#include "trace/recording.hpp"

namespace asyncrace::ui {

struct predicted_task {
  task_id id = no_task;
  std::string label;  // what the learner reads: "10" (the finish token), else the task's name
  std::string name;   // "Task-4"
  bool operator==(const predicted_task&) const = default;
};

// The tasks worth predicting in a run of the program: the finished tasks that printed something,
// in creation order, labelled like the header's finish order; fewer than two such tasks: every
// finished task, by name.
std::vector<predicted_task> prediction_candidates(const trace::recording& r);

class prediction {
 public:
  // Starts a guess over `tasks` in the order given (their creation order: nothing given away).
  void start(std::vector<predicted_task> tasks);
  bool empty() const { return guess_.empty(); }
  const std::vector<predicted_task>& guess() const { return guess_; }
  // Drag and drop: the task at `from` goes to `to`, the others close up. False when out of range.
  bool move(std::size_t from, std::size_t to);
  // Alt+Up / Alt+Down: one place earlier (delta < 0) or later; false at an end.
  bool nudge(std::size_t index, int delta);
  // Sets the whole guess by labels (automation, a share link): false, unchanged, unless the
  // labels are exactly the tasks', each once.
  bool set_order(const std::vector<std::string>& labels);
  // Locked once the run it predicts starts; start() unlocks.
  void lock() { locked_ = true; }
  bool locked() const { return locked_; }

 private:
  std::vector<predicted_task> guess_;
  bool locked_ = false;
};

// One place of the finish order: what the learner guessed there, what really finished there (a
// task not finished yet: id no_task), whether they agree, and for a guessed task that finished
// elsewhere the rule that put it there.
struct compared_place {
  predicted_task guessed;
  predicted_task actual;
  bool hit = false;
  bool misplaced = false;         // the guessed task finished at another place
  trace::finish_reason why;       // misplaced only: the rule between it and its real neighbour
};

struct prediction_result {
  std::vector<compared_place> places;
  std::size_t hits = 0;
  std::size_t finished = 0;  // of the guessed tasks, finished in `r` so far
};

// Compares the guess with the order in `r` of the tasks finished by `playhead`; `ties` and
// `jitter_us` are the run's (trace::explain_pair needs them).
prediction_result compare(const prediction& p, const trace::recording& r, double playhead, tie_policy ties,
                          double jitter_us = 0.0);

}  // namespace asyncrace::ui
