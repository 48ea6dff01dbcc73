// The timer heap's in-order timers (timer_heap.hpp): a FIFO of timers pushed in (deadline,
// scheduling order) order. A timer is one 8-byte word, its sequence number and slot packed; its
// deadline is written only where it changes, in a word after the timer before it. A million
// tasks sleeping until the same instant take 8 MB here, not 16; timers whose deadlines all differ
// take 16 bytes each, as before.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "loop/chunk_queue.hpp"

namespace asyncrace {

struct queued_timer {
  double when;
  std::uint64_t seq;  // scheduling order: the fifo tie-break
  std::uint32_t slot;
};

class deadline_queue {
 public:
  static constexpr int slot_bits = 26;
  static constexpr int seq_bits = 63 - slot_bits;
  // Whether a timer can be queued here: 2^37 pushes and 2^26 timers at once (others go to the
  // heap, which pops them in the same order).
  static bool fits(const queued_timer& e) {
    return e.seq < (std::uint64_t{1} << seq_bits) && e.slot < (std::uint32_t{1} << slot_bits);
  }

  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  double back_when() const {
    assert(size_ > 0);
    return back_when_;
  }
  queued_timer front() const {
    const std::uint64_t w = words_.front();
    return {front_when_, (w & ~deadline_follows) >> slot_bits, static_cast<std::uint32_t>(w & slot_mask)};
  }
  // `e` fits, and is not before the back timer.
  void push_back(const queued_timer& e) {
    assert(fits(e) && (empty() || e.when >= back_when_));
    if (empty()) {
      front_when_ = e.when;
    } else if (bits(e.when) != bits(back_when_)) {  // bit for bit: -0.0 stays itself
      words_.back() |= deadline_follows;
      words_.push_back(bits(e.when));
    }
    words_.push_back(e.seq << slot_bits | e.slot);
    back_when_ = e.when;
    ++size_;
  }
  void pop_front() {
    assert(size_ > 0);
    const std::uint64_t w = words_.front();
    words_.pop_front();
    --size_;
    if (w & deadline_follows) {
      std::memcpy(&front_when_, &words_.front(), sizeof front_when_);
      words_.pop_front();
    }
  }
  // Keeps the timers `keep(queued_timer)` says yes to, in order.
  template <class Keep>
  void retain(Keep keep) {
    deadline_queue kept;
    for (; !empty(); pop_front())
      if (const queued_timer e = front(); keep(e)) kept.push_back(e);
    *this = std::move(kept);
  }

 private:
  static constexpr std::uint64_t deadline_follows = std::uint64_t{1} << 63;  // the next word is a deadline
  static constexpr std::uint64_t slot_mask = (std::uint64_t{1} << slot_bits) - 1;
  static std::uint64_t bits(double d) {
    std::uint64_t b;
    std::memcpy(&b, &d, sizeof b);
    return b;
  }

  chunk_queue<std::uint64_t> words_;
  double front_when_ = 0.0;  // the front timer's deadline
  double back_when_ = 0.0;   // the back timer's
  std::size_t size_ = 0;
};

}  // namespace asyncrace
