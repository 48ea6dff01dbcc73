#include <doctest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "loop/deadline_queue.hpp"
#include "loop/timer_heap.hpp"

using namespace asyncrace;

namespace {
// Pushes one timer per label, all at deadline `when`, and returns the labels in pop order.
std::vector<int> pop_order(tie_policy policy, const std::vector<int>& labels, double when = 1.0) {
  static std::vector<int> fired;
  fired.clear();
  timer_heap heap(policy);
  std::vector<int> storage = labels;
  for (int& label : storage)
    heap.push(when, {[](void* p, bool run) { if (run) fired.push_back(*static_cast<int*>(p)); }, &label});
  while (!heap.empty()) heap.pop()();
  return fired;
}
const std::vector<int> race = {10, 11, 12, 20, 21, 22, 30, 31, 32};
}  // namespace

TEST_CASE("cpython-heap pops nine equal deadlines in heapq's order, the order of seed 000") {
  CHECK(pop_order(tie_policy::cpython_heap, race) == std::vector<int>{10, 12, 30, 32, 22, 31, 21, 11, 20});
}

TEST_CASE("fifo pops equal deadlines in scheduling order") {
  CHECK(pop_order(tie_policy::fifo, race) == race);
}

TEST_CASE("earlier deadlines always pop first, whatever the policy") {
  for (tie_policy p : all_tie_policies) {
    timer_heap heap(p);
    std::vector<double> fired;
    double whens[] = {3.0, 1.0, 2.0, 0.5, 2.5};
    for (double& w : whens) heap.push(w, {[](void*, bool) {}, &w});
    while (!heap.empty()) {
      fired.push_back(heap.top_when());
      heap.pop();
    }
    CHECK(fired == std::vector<double>{0.5, 1.0, 2.0, 2.5, 3.0});
  }
}

TEST_CASE("a cancelled timer pops as a null callback and frees its slot") {
  timer_heap heap(tie_policy::fifo);
  int x = 0;
  timer_id a = heap.push(1.0, {[](void* p, bool run) { if (run) ++*static_cast<int*>(p); }, &x});
  heap.push(2.0, {[](void* p, bool run) { if (run) ++*static_cast<int*>(p); }, &x});
  heap.cancel(a);
  heap.prune_cancelled();  // drops the cancelled head, as _run_once does
  CHECK(heap.size() == 1);
  CHECK(heap.top_when() == 2.0);
  heap.pop()();
  CHECK(x == 1);
  heap.cancel(a);  // stale id: no effect
  CHECK(heap.empty());
}

TEST_CASE("a freed slot is reused, and an id from before cancels nothing in it") {
  timer_heap heap(tie_policy::fifo);
  int fired = 0;
  const callback count{[](void* p, bool run) { if (run) ++*static_cast<int*>(p); }, &fired};
  const timer_id a = heap.push(1.0, count);
  const timer_id b = heap.push(1.0, count);
  heap.pop()();
  heap.pop()();
  CHECK(fired == 2);
  // Freed slots come back (no new ones); each push into one makes a new generation.
  for (int round = 0; round < 1000; ++round) {
    const timer_id c = heap.push(2.0, count);
    const timer_id d = heap.push(2.0, count);
    CHECK(((c.slot == a.slot && d.slot == b.slot) || (c.slot == b.slot && d.slot == a.slot)));
    CHECK(!heap.cancel(a));  // stale: its slot holds c or d now
    CHECK(!heap.cancel(b));
    CHECK(heap.cancel(d));
    CHECK(!heap.cancel(d));  // cancelled already
    heap.pop()();            // c
    CHECK(!heap.cancel(c));  // fired
    heap.prune_cancelled();  // d, cancelled, leaves the queue: its slot is free again
    CHECK(heap.empty());
  }
  CHECK(fired == 1002);
  CHECK(heap.empty());
}

TEST_CASE("more than half of over 100 timers cancelled: the heap is rebuilt with heapify") {
  timer_heap heap(tie_policy::fifo);
  std::vector<timer_id> ids;
  for (int i = 0; i < 150; ++i) ids.push_back(heap.push(150.0 - i, {[](void*, bool) {}, nullptr}));
  for (int i = 0; i < 100; ++i) heap.cancel(ids[static_cast<std::size_t>(i) * 3 / 2]);
  heap.prune_cancelled();
  CHECK(heap.size() == 50);
  double last = 0;
  while (!heap.empty()) {
    CHECK(heap.top_when() >= last);
    last = heap.top_when();
    const bool live = heap.pop().fn != nullptr;
    CHECK(live);
  }
}

TEST_CASE("the in-order timers read back exactly, a deadline written only where it changes") {
  // Runs of equal deadlines (the million sleepers'), deadlines that all differ, -0.0 beside 0.0,
  // and the largest seq and slot that fit; popped part of the way and pushed again in between.
  std::vector<queued_timer> pushed;
  std::uint64_t seq = 0;
  for (const double zero : {-0.0, -0.0, 0.0, 0.0, -0.0}) pushed.push_back({zero, seq++, 1});
  double when = 0.0;
  for (int i = 0; i < 3000; ++i) {
    if (i % 7 == 0 || i > 2000) when += 0.5;
    pushed.push_back({when, seq++, static_cast<std::uint32_t>(i * 7919 % 5000)});
  }
  pushed.push_back({when + 1, (std::uint64_t{1} << deadline_queue::seq_bits) - 1, (1u << deadline_queue::slot_bits) - 1});
  CHECK(deadline_queue::fits(pushed.back()));
  CHECK(!deadline_queue::fits({when + 1, std::uint64_t{1} << deadline_queue::seq_bits, 0}));
  CHECK(!deadline_queue::fits({when + 1, 0, 1u << deadline_queue::slot_bits}));
  deadline_queue q;
  std::size_t read = 0;
  const auto pop_checked = [&] {
    REQUIRE(!q.empty());
    const queued_timer got = q.front();
    const queued_timer& want = pushed[read++];
    CHECK(std::signbit(got.when) == std::signbit(want.when));
    CHECK(got.when == want.when);
    CHECK(got.seq == want.seq);
    CHECK(got.slot == want.slot);
    q.pop_front();
  };
  for (std::size_t i = 0; i < pushed.size(); ++i) {
    q.push_back(pushed[i]);
    CHECK(q.back_when() == pushed[i].when);
    if (i % 500 == 499) while (read + 3 < i) pop_checked();
  }
  CHECK(q.size() == pushed.size() - read);
  while (read < pushed.size()) pop_checked();
  CHECK(q.empty());
  // retain keeps the chosen timers in order, their deadlines with them.
  for (int i = 0; i < 20; ++i) q.push_back({i / 4 * 1.0, static_cast<std::uint64_t>(i), static_cast<std::uint32_t>(i)});
  q.retain([](const queued_timer& t) { return t.slot % 3 == 0; });
  for (std::uint32_t slot = 0; slot < 20; slot += 3) {
    REQUIRE(!q.empty());
    CHECK(q.front().slot == slot);
    CHECK(q.front().when == slot / 4 * 1.0);
    q.pop_front();
  }
  CHECK(q.empty());
}
