// The trace's compact event log: what is read is exactly what was logged, whatever the words it
// packs them into (clock words, payloads left out, a step and its suspension or end in one word).
#include <doctest.h>

#include <cstdint>
#include <vector>

#include "pyrt/py_random.hpp"
#include "trace/event_log.hpp"

using namespace asyncrace;
using trace::event_kind;
using trace::event_log;
using trace::logged_event;

namespace {
bool same(const logged_event& a, const logged_event& b) {
  return logged_event::pack(a.t) == logged_event::pack(b.t) && a.id == b.id && a.what == b.what &&
         a.detail == b.detail && a.payload == b.payload;
}
}  // namespace

TEST_CASE("a step and the suspension right after it share one word") {
  event_log log;
  log.push({0.0, 1, event_kind::stepped, 0, 0});
  log.push({0.0, 1, event_kind::suspended, 2, logged_event::pack(1.0)});  // payload: a word of its own
  CHECK(log.bytes() == 16);
  log.push({0.0, 2, event_kind::stepped, 0, 0});
  log.push({0.0, 2, event_kind::suspended, 2, logged_event::pack(1.0)});  // same deadline: no payload word
  CHECK(log.bytes() == 24);
  log.push({0.0, 3, event_kind::stepped, 0, 0});
  log.push({0.0, 4, event_kind::suspended, 2, logged_event::pack(1.0)});  // another task's: two words
  CHECK(log.bytes() == 40);
  log.push({0.0, 5, event_kind::stepped, 0, 0});
  log.push({0.5, 5, event_kind::suspended, 2, logged_event::pack(1.0)});  // the clock moved between
  CHECK(log.bytes() == 72);
  const std::vector<logged_event> want = {
      {0.0, 1, event_kind::stepped, 0, 0},   {0.0, 1, event_kind::suspended, 2, logged_event::pack(1.0)},
      {0.0, 2, event_kind::stepped, 0, 0},   {0.0, 2, event_kind::suspended, 2, logged_event::pack(1.0)},
      {0.0, 3, event_kind::stepped, 0, 0},   {0.0, 4, event_kind::suspended, 2, logged_event::pack(1.0)},
      {0.0, 5, event_kind::stepped, 0, 0},   {0.5, 5, event_kind::suspended, 2, logged_event::pack(1.0)},
  };
  for (const logged_event& w : want) {
    REQUIRE(!log.empty());
    CHECK(same(log.pop(), w));
  }
  CHECK(log.empty());
}

TEST_CASE("a step and the task's end right after it share one word") {
  event_log log;
  log.push({0.0, 1, event_kind::stepped, 0, 0});
  log.push({0.0, 1, event_kind::finished, 1, 0});  // an outcome, no payload: one word for both
  CHECK(log.bytes() == 8);
  log.push({0.0, 2, event_kind::stepped, 0, 0});
  log.push({0.0, 2, event_kind::output, 0, 7});  // printed between: nothing merges
  log.push({0.0, 2, event_kind::finished, 0, 0});
  CHECK(log.bytes() == 40);
  log.push({0.0, 3, event_kind::stepped, 0, 0});
  log.push({0.0, 3, event_kind::created, 0, 0});  // a kind that never merges
  CHECK(log.bytes() == 56);
  const std::vector<logged_event> want = {
      {0.0, 1, event_kind::stepped, 0, 0}, {0.0, 1, event_kind::finished, 1, 0},
      {0.0, 2, event_kind::stepped, 0, 0}, {0.0, 2, event_kind::output, 0, 7},
      {0.0, 2, event_kind::finished, 0, 0}, {0.0, 3, event_kind::stepped, 0, 0},
      {0.0, 3, event_kind::created, 0, 0},
  };
  for (const logged_event& w : want) {
    REQUIRE(!log.empty());
    CHECK(same(log.pop(), w));
  }
  CHECK(log.empty());
}

TEST_CASE("random event streams read back exactly, with reads in between") {
  py_random rng(12);
  for (int round = 0; round < 50; ++round) {
    event_log log;
    std::vector<logged_event> pushed;
    std::size_t read = 0;
    double t = 0.0;
    for (int i = 0; i < 400; ++i) {
      if (rng.random() < 0.1) t += 0.25;
      logged_event e;
      e.t = t;
      e.id = static_cast<task_id>(1 + rng.random() * 4);
      const double r = rng.random();
      if (!pushed.empty() && pushed.back().what == event_kind::stepped && r < 0.5) {
        e.id = r < 0.4 ? pushed.back().id : e.id;  // mostly the task that just stepped
        e.what = rng.random() < 0.7 ? event_kind::suspended : event_kind::finished;
        e.detail = static_cast<std::uint8_t>(rng.random() * 3);
        e.payload = rng.random() < 0.5 ? logged_event::pack(1.0) : logged_event::pack(t + 1);
      } else {
        e.what = static_cast<event_kind>(static_cast<int>(rng.random() * 5));
        if (e.what != event_kind::stepped) {
          e.detail = static_cast<std::uint8_t>(rng.random() * 2);
          e.payload = rng.random() < 0.3 ? 0 : static_cast<std::uint64_t>(rng.random() * 3);
        }
      }
      log.push(e);
      pushed.push_back(e);
      if (rng.random() < 0.05) {  // a read of the lanes mid-run takes everything logged so far
        while (!log.empty()) {
          REQUIRE(read < pushed.size());
          REQUIRE(same(log.pop(), pushed[read]));
          ++read;
        }
      }
    }
    while (!log.empty()) {
      REQUIRE(read < pushed.size());
      REQUIRE(same(log.pop(), pushed[read]));
      ++read;
    }
    CHECK(read == pushed.size());
  }
}
