// The loop's per-iteration snapshots (loop_observer::iteration): off unless asked for, and the
// heap array they show pops exactly as the scheduler's own timer heap does, under every policy,
// with cancellations (including the heapify that CPython does when most timers are cancelled).
#include <doctest.h>

#include <cstdint>
#include <vector>

#include "loop/event_loop.hpp"
#include "loop/heap_mirror.hpp"
#include "pyrt/py_random.hpp"

using namespace asyncrace;

namespace {

struct snapshots final : loop_observer {
  bool want = true;
  std::vector<std::uint64_t> popped;  // seqs, in order, over the whole run
  std::vector<std::size_t> heap_sizes;
  std::uint64_t iterations = 0;
  bool stop_after_first = false;
  void task_created(task_id, task_id, std::string_view, std::string_view, double) override {}
  void task_stepped(task_id, double) override {}
  void task_suspended(task_id, const wait_target&, double) override {}
  void task_finished(task_id, task_outcome, double) override {}
  void output(task_id, output_stream, std::string_view, double) override {}
  void loop_blocked(task_id, double, double) override {}
  bool wants_iterations() const override { return want; }
  bool iteration(const loop_snapshot& s) override {
    CHECK(s.iteration == iterations);
    ++iterations;
    for (std::uint32_t i : s.changed) CHECK(i < s.timers.size());
    for (const timer_entry& e : s.popped) popped.push_back(e.seq);
    heap_sizes.push_back(s.timers.size());
    return !stop_after_first;
  }
};

// Timers scheduled in a scrambled order with many equal deadlines; some cancelled.
struct fired_log {
  std::vector<std::uint64_t> seqs;
};
struct timer_arg {
  fired_log* log;
  std::uint64_t seq;
};

std::vector<std::uint64_t> run_scrambled(tie_policy p, snapshots& obs, double cancel_share) {
  loop_options o;
  o.ties = p;
  o.jitter_us = 20;
  event_loop loop(o);
  loop.set_observer(&obs);
  fired_log log;
  std::vector<timer_arg> args(400);
  std::vector<timer_id> ids;
  py_random rng(7);
  for (std::size_t i = 0; i < args.size(); ++i) {
    args[i] = {&log, i};
    const double when = static_cast<double>(static_cast<int>(rng.random() * 8)) * 0.5;
    ids.push_back(loop.call_at(when, {[](void* a, bool run) {
                                        auto* t = static_cast<timer_arg*>(a);
                                        if (run) t->log->seqs.push_back(t->seq);
                                      },
                                      &args[i]}));
  }
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (rng.random() < cancel_share) loop.cancel_timer(ids[i]);
  while (loop.run_once()) {
  }
  return log.seqs;
}

}  // namespace

TEST_CASE("snapshots: the recorded pops are the order the timers fired, under every policy") {
  for (tie_policy p : all_tie_policies) {
    for (double share : {0.0, 0.3, 0.8}) {  // 0.8: more than half cancelled, so the heap is rebuilt
      CAPTURE(to_string(p));
      CAPTURE(share);
      snapshots obs;
      const std::vector<std::uint64_t> fired = run_scrambled(p, obs, share);
      CHECK(obs.popped == fired);
      CHECK(obs.iterations > 0);
    }
  }
}

TEST_CASE("snapshots: an observer that does not want them gets none") {
  snapshots obs;
  obs.want = false;
  run_scrambled(tie_policy::cpython_heap, obs, 0.3);
  CHECK(obs.iterations == 0);
}

TEST_CASE("snapshots: an observer that returns false gets no more") {
  snapshots obs;
  obs.stop_after_first = true;
  const std::vector<std::uint64_t> fired = run_scrambled(tie_policy::fifo, obs, 0.3);
  CHECK(obs.iterations == 1);
  CHECK(fired.size() > 0);  // the run itself goes on
}

TEST_CASE("heap_mirror: under cpython-heap, nine equal deadlines pop as heapq pops them") {
  heap_mirror m(tie_policy::cpython_heap);
  const int race[] = {10, 11, 12, 20, 21, 22, 30, 31, 32};
  for (std::uint32_t i = 0; i < 9; ++i) m.push({1.0, i, static_cast<task_id>(race[i]), ready_kind::sleep, false}, i);
  CHECK(m.changed().size() == 9);
  std::vector<int> order;
  while (!m.empty()) {
    order.push_back(static_cast<int>(m.top().task));
    m.pop();
  }
  // The timer heap's own test pins this order (test_timer_heap.cpp); the mirror must agree.
  std::vector<int> expected;
  {
    timer_heap h(tie_policy::cpython_heap);
    static std::vector<int> fired;
    fired.clear();
    std::vector<int> labels(std::begin(race), std::end(race));
    for (int& l : labels) h.push(1.0, {[](void* p, bool run) { if (run) fired.push_back(*static_cast<int*>(p)); }, &l});
    while (!h.empty()) h.pop()();
    expected = fired;
  }
  CHECK(order == expected);
}
