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
// Reads the whole log: exactly `want`, in order.
void reads_back(event_log& log, const std::vector<logged_event>& want) {
  for (const logged_event& w : want) {
    REQUIRE(!log.empty());
    CHECK(same(log.pop(), w));
  }
  CHECK(log.empty());
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
  reads_back(log, want);
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
  reads_back(log, want);
}

TEST_CASE("the same event for task after task is one word of count") {
  event_log log;
  std::vector<logged_event> want;
  const auto push = [&](const logged_event& e) {
    log.push(e);
    want.push_back(e);
  };
  // A gather's thousand children: created in a row, with one parent and coroutine.
  for (task_id id = 2; id < 1002; ++id) push({0.0, id, event_kind::created, 0, logged_event::pack(1, 3)});
  CHECK(log.bytes() == 24);  // the head, its payload, the count
  // Each steps and sleeps until 1.0: a step and its suspension in one word, then counted.
  for (task_id id = 2; id < 1002; ++id) {
    push({0.0, id, event_kind::stepped, 0, 0});
    push({0.0, id, event_kind::suspended, 2, logged_event::pack(1.0)});
  }
  CHECK(log.bytes() == 48);
  // A task out of turn, another detail or payload, or a new time: each starts a head of its own.
  push({0.0, 1001, event_kind::created, 0, logged_event::pack(1, 3)});  // the same id again
  push({0.0, 1002, event_kind::created, 1, logged_event::pack(1, 3)});  // another detail
  push({0.0, 1003, event_kind::created, 1, logged_event::pack(2, 3)});  // another payload
  CHECK(log.bytes() == 80);
  push({1.0, 1004, event_kind::created, 1, logged_event::pack(2, 3)});  // the next task, a new time
  CHECK(log.bytes() == 104);
  push({1.0, 1005, event_kind::created, 1, logged_event::pack(2, 3)});
  push({1.0, 1006, event_kind::created, 1, logged_event::pack(2, 3)});
  CHECK(log.bytes() == 112);
  reads_back(log, want);
}

TEST_CASE("a run read before it ends goes on in a head of its own") {
  event_log log;
  log.push({0.0, 1, event_kind::finished, 1, 0});
  log.push({0.0, 2, event_kind::finished, 1, 0});
  CHECK(same(log.pop(), {0.0, 1, event_kind::finished, 1, 0}));  // the count is taken with it
  log.push({0.0, 3, event_kind::finished, 1, 0});  // after a count already read: a new head
  CHECK(log.bytes() == 8);
  log.push({0.0, 4, event_kind::finished, 1, 0});
  CHECK(log.bytes() == 16);
  for (task_id id = 2; id <= 4; ++id) CHECK(same(log.pop(), {0.0, id, event_kind::finished, 1, 0}));
  CHECK(log.empty());
  // A step held back is read as the log's last event, and then merges with nothing.
  log.push({0.0, 5, event_kind::stepped, 0, 0});
  CHECK(!log.empty());
  CHECK(same(log.pop(), {0.0, 5, event_kind::stepped, 0, 0}));
  CHECK(log.empty());
  log.push({0.0, 5, event_kind::finished, 0, 0});
  CHECK(same(log.pop(), {0.0, 5, event_kind::finished, 0, 0}));
  CHECK(log.empty());
}

TEST_CASE("random event streams read back exactly, with reads in between") {
  py_random rng(12);
  for (int round = 0; round < 50; ++round) {
    event_log log;
    std::vector<logged_event> pushed;
    std::size_t read = 0;
    const auto read_one = [&] {
      REQUIRE(read < pushed.size());
      REQUIRE(same(log.pop(), pushed[read]));
      ++read;
    };
    double t = 0.0;
    for (int i = 0; i < 400; ++i) {
      if (rng.random() < 0.1) t += 0.25;
      logged_event e;
      e.t = t;
      e.id = static_cast<task_id>(1 + rng.random() * 4);
      const double r = rng.random();
      if (!pushed.empty() && r < 0.15) {
        // The event before it (or a step and what followed it) again for the next tasks: a run.
        const bool pair = pushed.size() >= 2 && pushed.back().what != event_kind::stepped &&
                          pushed[pushed.size() - 2].what == event_kind::stepped &&
                          pushed[pushed.size() - 2].id == pushed.back().id;
        const logged_event first = pair ? pushed[pushed.size() - 2] : pushed.back();
        const logged_event second = pushed.back();
        for (int k = 1 + static_cast<int>(rng.random() * 6); k > 0; --k) {
          logged_event a = first;
          ++a.id;
          pushed.push_back(a);
          log.push(a);
          if (pair) {
            logged_event b = second;
            b.id = a.id;
            pushed.push_back(b);
            log.push(b);
          }
        }
      } else if (!pushed.empty() && pushed.back().what == event_kind::stepped && r < 0.5) {
        e.id = r < 0.4 ? pushed.back().id : e.id;  // mostly the task that just stepped
        e.what = rng.random() < 0.7 ? event_kind::suspended : event_kind::finished;
        e.detail = static_cast<std::uint8_t>(rng.random() * 3);
        e.payload = rng.random() < 0.5 ? logged_event::pack(1.0) : logged_event::pack(t + 1);
        log.push(e);
        pushed.push_back(e);
      } else {
        e.what = static_cast<event_kind>(static_cast<int>(rng.random() * 5));
        if (e.what != event_kind::stepped) {
          e.detail = static_cast<std::uint8_t>(rng.random() * 2);
          e.payload = rng.random() < 0.3 ? 0 : static_cast<std::uint64_t>(rng.random() * 3);
        }
        log.push(e);
        pushed.push_back(e);
      }
      if (rng.random() < 0.05) {  // a read of the lanes mid-run takes everything logged so far
        while (!log.empty()) read_one();
      } else if (rng.random() < 0.05) {  // a reader that stops part of the way (mid-run too)
        for (int k = static_cast<int>(rng.random() * 8); k > 0 && !log.empty(); --k) read_one();
      }
    }
    while (!log.empty()) read_one();
    CHECK(read == pushed.size());
  }
}
