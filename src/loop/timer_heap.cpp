#include "loop/timer_heap.hpp"

#include <cassert>
#include <utility>

namespace asyncrace {

timer_id timer_heap::push(double when, callback cb) {
  std::uint32_t s = free_head_;
  if (s != no_slot) {
    free_head_ = bodies_[s].next_free;
  } else {
    s = static_cast<std::uint32_t>(states_.size());
    bodies_.emplace_back();
    states_.emplace_back();
  }
  bodies_[s].cb = cb;
  std::uint32_t& state = states_[s];
  state = (state & ~(in_use_bit | cancelled_bit)) | in_use_bit;
  const entry e{when, next_seq_++, s};
  if (policy_ != tie_policy::cpython_heap && (in_order_.empty() || when >= in_order_.back_when()) &&
      deadline_queue::fits(e)) {
    in_order_.push_back(e);  // not before anything queued: in_order_ stays sorted
  } else {
    heap_.push_back(e);
    sift_down(0, heap_.size() - 1);
  }
  return {s, state >> flag_bits};
}

timer_heap::~timer_heap() {
  for (std::size_t s = 0; s < states_.size(); ++s)
    if (pending(states_[s])) std::exchange(bodies_[s].cb, {}).discard();
}

bool timer_heap::cancel(timer_id id) {
  if (id.slot >= states_.size()) return false;
  std::uint32_t& state = states_[id.slot];
  if (!pending(state) || (state >> flag_bits) != id.generation) return false;
  state |= cancelled_bit;
  ++cancelled_count_;
  std::exchange(bodies_[id.slot].cb, {}).discard();  // it will never run: release what it owns now
  return true;
}

void timer_heap::release(std::uint32_t s) {
  std::uint32_t& state = states_[s];
  if (state & cancelled_bit) --cancelled_count_;
  state = ((state >> flag_bits) + 1) << flag_bits;  // the next generation, free
  bodies_[s].next_free = free_head_;
  free_head_ = s;
}

void timer_heap::prune_cancelled() {
  constexpr std::size_t min_scheduled = 100;  // asyncio.base_events._MIN_SCHEDULED_TIMER_HANDLES
  if (size() > min_scheduled && cancelled_count_ * 2 > size()) {
    in_order_.retain([this](const entry& e) {
      if (!cancelled(e.slot)) return true;
      release(e.slot);
      return false;
    });
    bulk_vector<entry> kept;
    kept.reserve(heap_.size() - cancelled_count_);
    for (const entry& e : heap_) {
      if (cancelled(e.slot))
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
    top = in_order_.front();
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
  const callback cb = cancelled(top.slot) ? callback{} : bodies_[top.slot].cb;
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
