#include "loop/timer_heap.hpp"

#include <cassert>
#include <utility>

namespace asyncrace {

timer_id timer_heap::push(double when, callback cb) {
  std::uint32_t s;
  if (!free_slots_.empty()) {
    s = free_slots_.back();
    free_slots_.pop_back();
  } else {
    s = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  slot& sl = slots_[s];
  sl.cb = cb;
  sl.cancelled = false;
  sl.in_use = true;
  const entry e{when, next_seq_++, s};
  if (policy_ != tie_policy::cpython_heap && (in_order_.empty() || when >= in_order_.back().when) &&
      packed_entry::fits(e)) {
    in_order_.push_back(packed_entry(e));  // not before anything queued: in_order_ stays sorted
  } else {
    heap_.push_back(e);
    sift_down(0, heap_.size() - 1);
  }
  return {s, sl.generation};
}

timer_heap::~timer_heap() {
  for (std::size_t s = 0; s < slots_.size(); ++s)
    if (slot& sl = slots_[s]; sl.in_use && !sl.cancelled) std::exchange(sl.cb, {}).discard();
}

bool timer_heap::cancel(timer_id id) {
  if (id.slot >= slots_.size()) return false;
  slot& sl = slots_[id.slot];
  if (!sl.in_use || sl.generation != id.generation || sl.cancelled) return false;
  sl.cancelled = true;
  ++cancelled_count_;
  std::exchange(sl.cb, {}).discard();  // it will never run: release what it owns now
  return true;
}

void timer_heap::release(std::uint32_t s) {
  slot& sl = slots_[s];
  if (sl.cancelled) --cancelled_count_;
  sl.in_use = false;
  sl.cancelled = false;
  ++sl.generation;
  free_slots_.push_back(s);
}

void timer_heap::prune_cancelled() {
  constexpr std::size_t min_scheduled = 100;  // asyncio.base_events._MIN_SCHEDULED_TIMER_HANDLES
  if (size() > min_scheduled && cancelled_count_ * 2 > size()) {
    chunk_queue<packed_entry> kept_in_order;
    for (const packed_entry& p : in_order_) {
      if (const entry e = p.unpack(); slots_[e.slot].cancelled)
        release(e.slot);
      else
        kept_in_order.push_back(p);
    }
    in_order_ = std::move(kept_in_order);
    bulk_vector<entry> kept;
    kept.reserve(heap_.size() - cancelled_count_);
    for (const entry& e : heap_) {
      if (slots_[e.slot].cancelled)
        release(e.slot);
      else
        kept.push_back(e);
    }
    heap_ = std::move(kept);
    // heapq.heapify: _siftup from the last parent down to the root.
    for (std::size_t i = heap_.size() / 2; i-- > 0;) sift_up(i);
    return;
  }
  while (!empty() && top_cancelled()) pop();
}

callback timer_heap::pop() {
  assert(!empty());
  entry top;
  if (top_is_in_order()) {
    top = in_order_.front().unpack();
    in_order_.pop_front();
  } else {
    top = heap_.front();
    entry last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) {
      heap_.front() = last;
      sift_up(0);
    }
  }
  slot& sl = slots_[top.slot];
  callback cb = sl.cancelled ? callback{} : sl.cb;
  release(top.slot);
  return cb;
}

void timer_heap::sift_down(std::size_t start, std::size_t pos) {
  entry item = heap_[pos];
  while (pos > start) {
    std::size_t parent = (pos - 1) >> 1;
    if (less(item, heap_[parent])) {
      heap_[pos] = heap_[parent];
      pos = parent;
      continue;
    }
    break;
  }
  heap_[pos] = item;
}

void timer_heap::sift_up(std::size_t pos) {
  // heapq's bottom-up variant: walk the smaller child down to a leaf, then sift the item back up.
  // Its tie behaviour (`not heap[child] < heap[right]` picks the right child) is what fixes the
  // order of equal deadlines, so it is reproduced literally.
  const std::size_t end = heap_.size();
  const std::size_t start = pos;
  entry item = heap_[pos];
  std::size_t child = 2 * pos + 1;
  while (child < end) {
    std::size_t right = child + 1;
    if (right < end && !less(heap_[child], heap_[right])) child = right;
    heap_[pos] = heap_[child];
    pos = child;
    child = 2 * pos + 1;
  }
  heap_[pos] = item;
  sift_down(start, pos);
}

}  // namespace asyncrace
