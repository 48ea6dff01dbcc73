// Predict, then watch: before a race runs, the learner drags its tasks into the order they expect
// them to finish (or selects one and moves it with Alt+Up / Alt+Down); "Run and compare" runs it,
// and the window then shows their guess beside the real order as the tasks finish, marks the
// hits, and for each misplaced task the rule of the loop that decided (trace::finish_rules).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "layout.hpp"
#include "prediction.hpp"

namespace asyncrace::ui {

class app_state;

class predict_view {
 public:
  // Opens the window with the selected program's tasks (from the shown run, else from a quiet run
  // of the tutorial); false, with problem(), when there are fewer than two to order.
  bool open(const app_state& app);
  void close() { open_ = false; }
  bool is_open() const { return open_; }
  // Freezes the guess and starts the run it predicts.
  void run(app_state& app);
  void draw(app_state& app, const rect& diagram);

  prediction& guess() { return prediction_; }
  const prediction& guess() const { return prediction_; }
  // The comparison with the shown run so far (empty places until run()).
  prediction_result result(const app_state& app) const;
  const std::string& problem() const { return problem_; }

  // Where the header's button that opens it was drawn last frame (automation checks it is on screen).
  rect button;
  // Where each row of the guess was drawn last frame (empty once it is locked): automation drags
  // and clicks them.
  std::vector<rect> rows;

 private:
  prediction prediction_;
  bool open_ = false;
  int selected_ = -1;  // the row Alt+Up / Alt+Down moves
  std::string slug_;   // the program the guess is about
  std::string problem_;

  void guess_list();
  void comparison(app_state& app);
};

}  // namespace asyncrace::ui
