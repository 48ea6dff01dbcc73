#include "trace/event_log.hpp"

#include <cassert>
#include <limits>
#include <utility>

namespace asyncrace::trace {

void event_log::append(head h, std::uint64_t payload) {
  // (A reader that has taken everything has taken the back too: then a new head starts.)
  const bool extends = !h.has_payload && run_at_back_ && !words_.empty() && h.what == last_.what &&
                       h.then == last_.then && h.detail == last_.detail && h.id == last_.id + 1 &&
                       !(repeat_at_back_ && words_.back().h.id == std::numeric_limits<task_id>::max());
  if (extends) {
    if (repeat_at_back_) {
      ++words_.back().h.id;
    } else {
      word count{};
      count.h = {1, repeat, 0, 0, 0};
      words_.push_back(count);
      repeat_at_back_ = true;
    }
    last_.id = h.id;
    return;
  }
  word w{};
  w.h = h;
  words_.push_back(w);
  if (h.has_payload) {
    w.payload = payload;
    words_.push_back(w);
    write_last_[h.payload_kind()] = payload;
  }
  last_ = h;
  run_at_back_ = true;
  repeat_at_back_ = false;
}

void event_log::release_held_step() {
  step_held_ = false;
  append(held_, 0);
}

void event_log::push(const logged_event& e) {
  const auto kind = static_cast<std::uint8_t>(e.what);
  // The clock is compared bit for bit: -0.0 and 0.0 stay apart, as the events had them.
  const bool same_time = logged_event::pack(e.t) == logged_event::pack(write_t_);
  const bool has_payload = e.payload != write_last_[kind];
  const bool merges = step_held_ && same_time && held_.id == e.id &&
                      (e.what == event_kind::suspended || e.what == event_kind::finished);
  if (step_held_ && !merges) release_held_step();
  if (!same_time) {
    word w{};
    w.h.what = clock;
    words_.push_back(w);
    w.payload = logged_event::pack(e.t);
    words_.push_back(w);
    write_t_ = e.t;
    run_at_back_ = false;
  }
  if (merges) {
    step_held_ = false;
    append({e.id, stepped_then, e.detail, has_payload, kind}, e.payload);
  } else if (e.what == event_kind::stepped && e.detail == 0 && !has_payload) {
    held_ = {e.id, kind, 0, 0, 0};  // written with what follows it, or as the next event comes
    step_held_ = true;
  } else {
    append({e.id, kind, e.detail, has_payload, 0}, e.payload);
  }
}

event_log::head event_log::take_head() {
  if (words_.empty()) {  // only a held step is left (after its clock, maybe): it is written now
    assert(step_held_);
    release_held_step();
  }
  const head h = words_.front().h;
  words_.pop_front();
  return h;
}

logged_event event_log::pop() {
  assert(!empty());
  if (std::exchange(pending_second_, false)) return event_of(pending_);
  head h;
  if (repeats_left_ > 0) {
    --repeats_left_;
    ++repeat_.id;
    h = repeat_;
  } else {
    h = take_head();
    if (h.what == clock) {
      read_t_ = logged_event::unpack(words_.front().payload);
      words_.pop_front();
      h = take_head();
    }
    if (h.has_payload) {
      read_last_[h.payload_kind()] = words_.front().payload;
      words_.pop_front();
    }
    // A run's count follows its first event. If it is not there yet, it never will be: this read
    // took the back of the log, so the writer's next event starts a head of its own.
    if (!words_.empty() && words_.front().h.what == repeat) {
      repeat_ = h;
      repeats_left_ = words_.front().h.id;
      words_.pop_front();
    }
  }
  if (h.what != stepped_then) return event_of(h);
  pending_ = h;
  pending_second_ = true;
  const auto stepped = static_cast<std::uint8_t>(event_kind::stepped);
  return {read_t_, h.id, event_kind::stepped, 0, read_last_[stepped]};
}

}  // namespace asyncrace::trace
