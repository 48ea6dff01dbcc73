// The session: the narrow interface the page and the CLI drive runs through.
#include <doctest.h>

#include <limits>

#include "tutorials/catalog.hpp"
#include "tutorials/session.hpp"

using namespace asyncrace;

TEST_CASE("find knows every slug and nothing else") {
  CHECK(tutorials::find("nine_tasks_race") != nullptr);
  CHECK(tutorials::find("gather_three") != nullptr);
  CHECK(tutorials::find("sequential_await") != nullptr);
  CHECK(tutorials::find("nine_tasks") == nullptr);
  CHECK(tutorials::find("") == nullptr);
}

TEST_CASE("advance runs only what is due by the target time") {
  tutorials::session s(*tutorials::find("sequential_await"), {});
  s.advance(0.5);
  CHECK_FALSE(s.finished());
  CHECK(s.trace().lines().size() == 1);  // "Starting work 1"
  CHECK(s.next_event_time() == 1.0);
  s.advance(1.0);
  CHECK(s.trace().lines().size() == 3);  // Work complete 1, Starting work 2
  CHECK(s.now() == 1.0);
  s.advance(10.0);
  CHECK(s.finished());
  CHECK(s.trace().lines().size() == 6);
  CHECK(s.next_event_time() == std::numeric_limits<double>::infinity());
}

TEST_CASE("a budget bounds the work of one advance, so a frame can never freeze") {
  tutorials::session s(*tutorials::find("nine_tasks_race"), {});
  s.advance(100.0, 2);
  CHECK_FALSE(s.finished());
  std::size_t calls = 0;
  while (!s.finished() && calls < 1000) {
    s.advance(100.0, 1);
    ++calls;
  }
  CHECK(s.finished());
  CHECK(calls > 3);
}

TEST_CASE("absurd options are refused with a message, and nothing runs") {
  tutorials::run_options bad;
  bad.jitter_us = -5;
  CHECK(tutorials::validate(bad).find("jitter") != std::string::npos);
  tutorials::session s(*tutorials::find("nine_tasks_race"), bad);
  CHECK(s.finished());
  CHECK_FALSE(s.error().empty());
  CHECK(s.trace().lines().empty());
  bad.jitter_us = std::numeric_limits<double>::quiet_NaN();
  CHECK_FALSE(tutorials::validate(bad).empty());
}

TEST_CASE("the race's lanes: main, three groups, nine workers, ranked by finish") {
  tutorials::session s(*tutorials::find("nine_tasks_race"), {tie_policy::cpython_heap});
  s.run_to_end();
  const auto& lanes = s.trace().lanes();
  REQUIRE(lanes.size() == 13);
  CHECK(lanes[0].coro == "do_a_lot_alot_of_work_in_parallel");
  CHECK(lanes[1].coro == "do_a_lot_of_work_in_parallel");
  CHECK(lanes[4].coro == "do_some_work");
  CHECK(lanes[4].first_output == "Starting work 10");
  CHECK(s.trace().lane(s.trace().finish_order()[0])->first_output == "Starting work 10");
  CHECK(s.trace().lane(s.trace().finish_order()[1])->first_output == "Starting work 12");
  CHECK(lanes[0].finish_rank == 13);
}
