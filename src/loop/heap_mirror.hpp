// The timer heap as CPython's `_scheduled` array, kept beside the scheduler's own timer_heap only
// while an observer takes per-iteration snapshots (loop_observer::wants_iterations). It runs
// heapq's algorithm literally (heappush, heappop, heapify, and _run_once's pruning of cancelled
// handles) on the same pushes, cancels and pops, so its array is what CPython's would be, and it
// remembers which positions changed since the last snapshot (a delta store keeps only those).
// Under cpython-heap it is the timer_heap's own array; under fifo and jitter the timer_heap takes
// shortcuts (an in-order queue) that leave no array to show, and the mirror supplies one.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "loop/observer.hpp"
#include "loop/tie_policy.hpp"

namespace asyncrace {

class heap_mirror {
 public:
  explicit heap_mirror(tie_policy p) : policy_(p) {}

  // `slot` is the timer_heap's slot of the same timer (how cancel and pop find it).
  void push(const timer_entry& e, std::uint32_t slot);
  void cancel(std::uint32_t slot);
  void prune();  // timer_heap::prune_cancelled's rule (CPython's _run_once)
  void pop();    // heapq.heappop
  const timer_entry& top() const { return heap_.front(); }
  const timer_entry& at_slot(std::uint32_t slot) const { return heap_[pos_of_slot_[slot]]; }
  bool empty() const { return heap_.empty(); }

  std::span<const timer_entry> array() const { return heap_; }
  // Positions written since clear_changed and still in the array (a later pop may have cut
  // some off: drop_cut_off() forgets those, so call it before reading).
  std::span<const std::uint32_t> changed() const { return changed_; }
  void drop_cut_off();
  void clear_changed();

 private:
  bool less(const timer_entry& a, const timer_entry& b) const {
    if (policy_ == tie_policy::cpython_heap) return a.deadline < b.deadline;
    return a.deadline < b.deadline || (a.deadline == b.deadline && a.seq < b.seq);
  }
  void put(std::size_t pos, const timer_entry& e, std::uint32_t slot);
  void mark(std::size_t pos);
  void sift_down(std::size_t start, std::size_t pos);  // heapq._siftdown
  void sift_up(std::size_t pos);                       // heapq._siftup

  tie_policy policy_;
  std::vector<timer_entry> heap_;
  std::vector<std::uint32_t> slot_at_;      // per position: the timer_heap slot
  std::vector<std::uint32_t> pos_of_slot_;  // per slot: its position in heap_
  std::vector<std::uint32_t> changed_;      // positions written since clear_changed, once each
  std::vector<bool> is_changed_;            // per position
  std::size_t cancelled_ = 0;
};

}  // namespace asyncrace
