// ui::prediction: the learner's guess of the finish order, how it is rearranged, and how it is
// compared with a real run (nine_tasks_race, whose nine equal sleeps are decided by the tie rule).
#include <doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tutorials/catalog.hpp"
#include "tutorials/session.hpp"
#include "ui/finish_summary.hpp"
#include "ui/prediction.hpp"

using namespace asyncrace;

namespace {

std::unique_ptr<tutorials::session> nine_tasks(tie_policy ties) {
  tutorials::run_options o;
  o.ties = ties;
  auto s = std::make_unique<tutorials::session>(*tutorials::find("nine_tasks_race"), o);
  s->run_to_end();
  return s;
}

std::vector<std::string> labels(const ui::prediction& p) {
  std::vector<std::string> out;
  for (const auto& t : p.guess()) out.push_back(t.label);
  return out;
}

}  // namespace

TEST_CASE("prediction: the candidates are the tasks that printed, labelled like the finish order") {
  const auto run = nine_tasks(tie_policy::cpython_heap);
  const auto tasks = ui::prediction_candidates(run->trace());
  std::vector<std::string> got;
  for (const auto& t : tasks) got.push_back(t.label);
  std::vector<std::string> finished = ui::finish_tokens(run->trace(), trace::never);
  REQUIRE(got.size() == finished.size());
  CHECK(got != finished);  // creation order, not the answer
  std::sort(got.begin(), got.end());
  std::sort(finished.begin(), finished.end());
  CHECK(got == finished);
  CHECK(std::is_sorted(tasks.begin(), tasks.end(), [](const auto& a, const auto& b) { return a.id < b.id; }));
}

TEST_CASE("prediction: move, nudge and set_order rearrange the guess, a locked guess stays") {
  ui::prediction p;
  p.start({{1, "a", "Task-1"}, {2, "b", "Task-2"}, {3, "c", "Task-3"}});
  CHECK(p.move(0, 2));
  CHECK(labels(p) == std::vector<std::string>{"b", "c", "a"});
  CHECK(p.nudge(2, -1));
  CHECK(labels(p) == std::vector<std::string>{"b", "a", "c"});
  CHECK_FALSE(p.nudge(0, -1));
  CHECK_FALSE(p.nudge(2, +1));
  CHECK_FALSE(p.move(0, 3));
  CHECK_FALSE(p.set_order({"a", "a", "c"}));
  CHECK_FALSE(p.set_order({"a", "b"}));
  CHECK_FALSE(p.set_order({"a", "b", "x"}));
  CHECK(labels(p) == std::vector<std::string>{"b", "a", "c"});
  CHECK(p.set_order({"c", "b", "a"}));
  CHECK(labels(p) == std::vector<std::string>{"c", "b", "a"});
  p.lock();
  CHECK_FALSE(p.move(0, 1));
  CHECK_FALSE(p.set_order({"a", "b", "c"}));
  CHECK(labels(p) == std::vector<std::string>{"c", "b", "a"});
}

TEST_CASE("prediction: the real order scores every place, creation order misses by the heap rule") {
  for (tie_policy ties : {tie_policy::cpython_heap, tie_policy::fifo}) {
    CAPTURE(to_string(ties));
    const auto run = nine_tasks(ties);
    const trace::recording& r = run->trace();
    ui::prediction p;
    p.start(ui::prediction_candidates(r));
    const std::vector<std::string> created = labels(p);
    const std::vector<std::string> real = ui::finish_tokens(r, trace::never);

    // The guess "in the order they were started".
    const ui::prediction_result naive = ui::compare(p, r, trace::never, ties);
    CHECK(naive.finished == real.size());
    std::size_t expected_hits = 0;
    for (std::size_t i = 0; i < real.size(); ++i) expected_hits += created[i] == real[i] ? 1 : 0;
    CHECK(naive.hits == expected_hits);
    for (const auto& place : naive.places) {
      CHECK(place.hit == (place.guessed.id == place.actual.id));
      if (!place.hit) {
        // Nine equal one-second sleeps: every difference is the tie-break's doing.
        REQUIRE(place.misplaced);
        CHECK(place.why.rule == (ties == tie_policy::fifo ? trace::finish_rule::tie_fifo
                                                          : trace::finish_rule::tie_heap_order));
        CHECK((place.why.first == place.guessed.id || place.why.second == place.guessed.id));
        // The sentence names the tasks by the labels the learner placed, and their names.
        CHECK(place.why.text.find(place.guessed.label + " (" + place.guessed.name + ")") != std::string::npos);
      }
    }
    if (ties == tie_policy::cpython_heap) CHECK(naive.hits < real.size());

    // Halfway through the run nothing has finished; at the end the real order scores all.
    CHECK(ui::compare(p, r, 0.5, ties).finished == 0);
    REQUIRE(p.set_order(real));
    const ui::prediction_result right = ui::compare(p, r, trace::never, ties);
    CHECK(right.hits == real.size());
  }
}
