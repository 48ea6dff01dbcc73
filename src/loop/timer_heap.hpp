// The loop's scheduled timers: a binary heap that reproduces CPython's `heapq` exactly
// (heappush = append + _siftdown, heappop = swap last + _siftup), so that under the
// cpython-heap policy equal deadlines pop in the order CPython's `_scheduled` list yields them.
// Under fifo and jitter the order is simply (deadline, scheduling order), so timers pushed in
// deadline order (a million tasks all sleeping 1 s) skip the heap: they queue in O(1).
#pragma once

#include <cstdint>
#include <vector>

#include "loop/bulk_memory.hpp"
#include "loop/callback.hpp"
#include "loop/deadline_queue.hpp"
#include "loop/paged_array.hpp"
#include "loop/tie_policy.hpp"

namespace asyncrace {

// Identifies a scheduled timer so it can be cancelled (CPython's TimerHandle.cancel()).
struct timer_id {
  std::uint32_t slot = UINT32_MAX;
  std::uint32_t generation = 0;
};

class timer_heap {
 public:
  using entry = queued_timer;

  explicit timer_heap(tie_policy p = tie_policy::fifo) : policy_(p) {}
  timer_heap(const timer_heap&) = delete;
  timer_heap& operator=(const timer_heap&) = delete;
  ~timer_heap();  // timers that never fired release what their callbacks own

  timer_id push(double when, callback cb);
  // False when the timer had fired, was cancelled already, or its id is stale.
  bool cancel(timer_id id);

  // Drops cancelled timers as CPython's _run_once does: rebuild with heapify when more than
  // half of over 100 timers are cancelled, otherwise pop cancelled ones off the top.
  void prune_cancelled();

  bool empty() const { return heap_.empty() && in_order_.empty(); }
  std::size_t size() const { return heap_.size() + in_order_.size(); }
  double top_when() const { return top().when; }
  bool top_cancelled() const { return cancelled(top().slot); }
  std::uint32_t top_slot() const { return top().slot; }
  std::uint64_t top_seq() const { return top().seq; }
  std::uint64_t next_seq() const { return next_seq_; }  // the seq the next push gets

  // Pops the top timer; returns its callback, or a null callback when it was cancelled.
  callback pop();

 private:
  // A timer's slot is in two arrays, 20 bytes in all (24 as one struct): its callback, or while
  // the slot is free the next free slot (the free slots are a list through them), and its state.
  union slot_body {
    callback cb{};
    std::uint32_t next_free;
  };
  // A slot's state: its generation (30 bits: it goes up as the slot is freed, so a stale
  // timer_id is told apart) and two flags.
  static constexpr std::uint32_t in_use_bit = 1, cancelled_bit = 2, flag_bits = 2;
  static constexpr std::uint32_t no_slot = UINT32_MAX;
  bool cancelled(std::uint32_t s) const { return (states_[s] & cancelled_bit) != 0; }
  // A slot whose timer is still to run: in use and not cancelled.
  static bool pending(std::uint32_t state) { return (state & (in_use_bit | cancelled_bit)) == in_use_bit; }
  bool less(const entry& a, const entry& b) const {
    // CPython's TimerHandle.__lt__ compares deadlines only; heapq is not stable, so ties fall
    // wherever the heap's shape puts them. fifo and jitter break ties by scheduling order.
    if (policy_ == tie_policy::cpython_heap) return a.when < b.when;
    return a.when < b.when || (a.when == b.when && a.seq < b.seq);
  }
  // fifo/jitter: the next timer is at the front of in_order_ or on top of heap_, whichever is less.
  bool top_is_in_order() const {
    return !in_order_.empty() && (heap_.empty() || less(in_order_.front(), heap_.front()));
  }
  entry top() const { return top_is_in_order() ? in_order_.front() : heap_.front(); }
  void sift_down(std::size_t start, std::size_t pos);  // heapq._siftdown
  void sift_up(std::size_t pos);                       // heapq._siftup
  void release(std::uint32_t slot);

  tie_policy policy_;
  bulk_vector<entry> heap_;
  // fifo/jitter only: timers pushed at or after the latest deadline queued here, already sorted
  // by (deadline, scheduling order); every other timer goes to heap_. The order they pop in is
  // the same as from one heap, since (deadline, seq) is a total order.
  deadline_queue in_order_;
  // By timer_id::slot, in pages, so a million timers never copy them.
  paged_array<slot_body> bodies_;
  paged_array<std::uint32_t> states_;
  std::uint32_t free_head_ = no_slot;
  std::uint64_t next_seq_ = 0;
  std::size_t cancelled_count_ = 0;
};

}  // namespace asyncrace
