// trace::chain_steps: await chains stored as deltas (only tasks whose chain changed are written),
// frame lists stored once, and a cursor that restores every iteration in either direction.
#include <doctest.h>

#include <vector>

#include "trace/chain_steps.hpp"

using namespace asyncrace;

namespace {

task_chain sleeping(task_id t, unsigned line, double deadline) {
  return {t, {{{"main", 3}, {"worker", line}}, true, {wait_kind::sleep, deadline, no_task, 0}}};
}

}  // namespace

TEST_CASE("chain_steps: deltas per task, interned frames, finished tasks dropped, stepping both ways") {
  trace::chain_steps s;
  // Iteration 0: two tasks created, not started.
  const task_chain a0{1, {{{"main", 1}}, false, {}}};
  const task_chain b0{2, {{{"main", 1}}, false, {}}};
  std::vector<task_chain> it0{a0, b0};
  s.add(it0, {});
  // Iteration 1: both sleep in the same frames (deadlines differ), task 3 is created.
  std::vector<task_chain> it1{sleeping(1, 7, 1.0), sleeping(2, 7, 2.0), {3, {{{"other", 9}}, false, {}}}};
  s.add(it1, {});
  const std::size_t after_two = s.bytes();
  // Iteration 2: nothing changed: an empty delta.
  s.add({}, {});
  const std::size_t unchanged_cost = s.bytes() - after_two;
  // Iteration 3: task 1 stepped and suspended where it was (no write); task 2 finished.
  std::vector<task_chain> it3{sleeping(1, 7, 1.0)};
  std::vector<task_id> finished{2};
  s.add(it3, finished);
  REQUIRE(s.size() == 4);
  CHECK(unchanged_cost == sizeof(std::size_t));  // one record end, no write

  const std::vector<std::vector<task_chain>> want{
      {a0, b0}, it1, it1, {it1[0], it1[2]}};
  trace::chain_steps::cursor c(s);
  for (std::size_t k = 0; k < want.size(); ++k) {
    c.apply(k);
    CHECK(c.chains() == want[k]);
  }
  for (std::size_t k = want.size() - 1; k > 0; --k) {
    c.unapply(k);
    CHECK(c.chains() == want[k - 1]);
  }
}
