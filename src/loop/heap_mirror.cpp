#include "loop/heap_mirror.hpp"

#include <cassert>

namespace asyncrace {

void heap_mirror::mark(std::size_t pos) {
  if (pos >= is_changed_.size()) is_changed_.resize(pos + 1, false);
  if (is_changed_[pos]) return;
  is_changed_[pos] = true;
  changed_.push_back(static_cast<std::uint32_t>(pos));
}

void heap_mirror::clear_changed() {
  for (std::uint32_t p : changed_) is_changed_[p] = false;
  changed_.clear();
}

void heap_mirror::drop_cut_off() {
  std::size_t kept = 0;
  for (std::uint32_t p : changed_) {
    if (p < heap_.size())
      changed_[kept++] = p;
    else
      is_changed_[p] = false;
  }
  changed_.resize(kept);
}

void heap_mirror::put(std::size_t pos, const timer_entry& e, std::uint32_t slot) {
  heap_[pos] = e;
  slot_at_[pos] = slot;
  if (slot >= pos_of_slot_.size()) pos_of_slot_.resize(slot + 1, 0);
  pos_of_slot_[slot] = static_cast<std::uint32_t>(pos);
  mark(pos);
}

void heap_mirror::push(const timer_entry& e, std::uint32_t slot) {
  heap_.push_back(e);
  slot_at_.push_back(slot);
  put(heap_.size() - 1, e, slot);
  sift_down(0, heap_.size() - 1);
}

void heap_mirror::cancel(std::uint32_t slot) {
  const std::uint32_t pos = pos_of_slot_[slot];
  assert(pos < heap_.size() && slot_at_[pos] == slot && !heap_[pos].cancelled);
  heap_[pos].cancelled = true;
  ++cancelled_;
  mark(pos);
}

void heap_mirror::pop() {
  assert(!heap_.empty());
  if (heap_.front().cancelled) --cancelled_;
  const timer_entry last = heap_.back();
  const std::uint32_t last_slot = slot_at_.back();
  heap_.pop_back();
  slot_at_.pop_back();
  if (!heap_.empty()) {
    put(0, last, last_slot);
    sift_up(0);
  }
}

void heap_mirror::prune() {
  constexpr std::size_t min_scheduled = 100;  // asyncio.base_events._MIN_SCHEDULED_TIMER_HANDLES
  if (heap_.size() > min_scheduled && cancelled_ * 2 > heap_.size()) {
    std::vector<timer_entry> kept;
    std::vector<std::uint32_t> kept_slots;
    for (std::size_t i = 0; i < heap_.size(); ++i) {
      if (heap_[i].cancelled) continue;
      kept.push_back(heap_[i]);
      kept_slots.push_back(slot_at_[i]);
    }
    heap_ = std::move(kept);
    slot_at_ = std::move(kept_slots);
    cancelled_ = 0;
    for (std::size_t i = 0; i < heap_.size(); ++i) {
      pos_of_slot_[slot_at_[i]] = static_cast<std::uint32_t>(i);
      mark(i);
    }
    for (std::size_t i = heap_.size() / 2; i-- > 0;) sift_up(i);  // heapq.heapify
    return;
  }
  while (!heap_.empty() && heap_.front().cancelled) pop();
}

void heap_mirror::sift_down(std::size_t start, std::size_t pos) {
  const timer_entry item = heap_[pos];
  const std::uint32_t item_slot = slot_at_[pos];
  while (pos > start) {
    const std::size_t parent = (pos - 1) >> 1;
    if (!less(item, heap_[parent])) break;
    put(pos, heap_[parent], slot_at_[parent]);
    pos = parent;
  }
  put(pos, item, item_slot);
}

void heap_mirror::sift_up(std::size_t pos) {
  const std::size_t end = heap_.size();
  const std::size_t start = pos;
  const timer_entry item = heap_[pos];
  const std::uint32_t item_slot = slot_at_[pos];
  std::size_t child = 2 * pos + 1;
  while (child < end) {
    const std::size_t right = child + 1;
    if (right < end && !less(heap_[child], heap_[right])) child = right;
    put(pos, heap_[child], slot_at_[child]);
    pos = child;
    child = 2 * pos + 1;
  }
  put(pos, item, item_slot);
  sift_down(start, pos);
}

}  // namespace asyncrace
