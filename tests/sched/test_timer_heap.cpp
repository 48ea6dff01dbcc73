#include <doctest.h>

#include <vector>

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
