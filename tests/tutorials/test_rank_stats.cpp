// tutorials::rank_stats_job: the statistics the page computes in slices between frames are the
// CLI's (all at once), and every count is what running that seed on its own gives.
#include <doctest.h>

#include <map>
#include <vector>

#include "trace/finish_rules.hpp"
#include "tutorials/catalog.hpp"
#include "tutorials/rank_stats.hpp"
#include "tutorials/session.hpp"

using namespace asyncrace;

TEST_CASE("rank stats: slices of any size give the table the CLI prints") {
  tutorials::run_options o;
  o.ties = tie_policy::jitter;
  o.seed = 11;
  const tutorials::tutorial& t = *tutorials::find("nine_tasks_race");
  const tutorials::rank_table whole = tutorials::rank_stats(t, o, 30);
  for (std::uint32_t slice : {1u, 7u, 30u}) {
    CAPTURE(slice);
    tutorials::rank_stats_job job(t, o, 30);
    std::uint32_t calls = 0;
    while (job.step(slice)) {
      ++calls;
      CHECK(job.runs_done() == calls * slice);
      CHECK(job.table().runs == job.runs_done());
    }
    CHECK(job.done());
    CHECK(job.runs_done() == 30);
    CHECK(job.table() == whole);
    CHECK(tutorials::to_text(job.table()) == tutorials::to_text(whole));
  }
}

TEST_CASE("rank stats: each count is what the seeds give when run one by one") {
  tutorials::run_options o;
  o.ties = tie_policy::jitter;
  o.jitter_us = 50.0;
  const tutorials::tutorial& t = *tutorials::find("nine_tasks_race");
  constexpr std::uint32_t runs = 25;
  const tutorials::rank_table table = tutorials::rank_stats(t, o, runs);
  std::map<task_id, std::vector<std::uint32_t>> ranks;
  std::map<std::vector<task_id>, std::uint32_t> orders;
  for (std::uint32_t i = 0; i < runs; ++i) {
    tutorials::run_options one = o;
    one.seed = o.seed + i;
    tutorials::session s(t, one);
    s.run_to_end();
    const std::vector<task_id> order = s.trace().finish_order();
    ++orders[order];
    for (std::size_t r = 0; r < order.size(); ++r) {
      auto& row = ranks[order[r]];
      row.resize(order.size(), 0);
      ++row[r];
    }
  }
  REQUIRE(table.tasks.size() == ranks.size());
  for (const auto& row : table.tasks) {
    CAPTURE(row.name);
    CHECK(row.ranks == ranks[row.id]);
    std::uint32_t sum = 0;
    for (std::uint32_t n : row.ranks) sum += n;
    CHECK(sum == runs);
  }
  REQUIRE(table.orders.size() == orders.size());
  for (std::size_t i = 0; i < table.orders.size(); ++i) {
    CHECK(table.orders[i].count == orders[table.orders[i].tasks]);
    if (i > 0) CHECK(table.orders[i - 1].count >= table.orders[i].count);
  }
}

TEST_CASE("finish rules on nine_tasks_race: equal deadlines, decided by the tie policy") {
  for (tie_policy ties : all_tie_policies) {
    CAPTURE(to_string(ties));
    tutorials::run_options o;
    o.ties = ties;
    tutorials::session s(*tutorials::find("nine_tasks_race"), o);
    s.run_to_end();
    const trace::recording& r = s.trace();
    std::vector<task_id> sleepers;  // the nine workers, in finish order
    for (task_id id : r.finish_order())
      if (!r.lane(id)->first_output.empty()) sleepers.push_back(id);
    REQUIRE(sleepers.size() == 9);
    for (std::size_t i = 1; i < sleepers.size(); ++i) {
      const trace::finish_reason why = trace::explain_pair(r, sleepers[i - 1], sleepers[i], ties, o.jitter_us);
      const trace::finish_rule expected = ties == tie_policy::fifo           ? trace::finish_rule::tie_fifo
                                          : ties == tie_policy::cpython_heap ? trace::finish_rule::tie_heap_order
                                                                             : trace::finish_rule::tie_jitter;
      CHECK(why.rule == expected);
    }
    // A task that gathered others finishes after each of them, because it awaited them.
    int gathers = 0;
    for (const trace::task_lane& lane : r.lanes()) {
      if (lane.waits.empty() || lane.waits.back().on.kind != wait_kind::gather) continue;
      ++gathers;
      const wait_target& on = lane.waits.back().on;
      for (task_id child = on.target; child < on.target + on.count; ++child)
        CHECK(trace::explain_pair(r, child, lane.id, ties, o.jitter_us).rule == trace::finish_rule::awaited);
    }
    CHECK(gathers == 4);  // the main task gathers three, each of them three workers
  }
}
