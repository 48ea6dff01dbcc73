#include "trace/event_log.hpp"

#include <cassert>
#include <utility>

namespace asyncrace::trace {

void event_log::push(const logged_event& e) {
  // The clock is compared bit for bit: -0.0 and 0.0 stay apart, as the events had them.
  if (logged_event::pack(e.t) != logged_event::pack(write_t_)) {
    word w{};
    w.h.what = clock;
    words_.push_back(w);
    w.payload = logged_event::pack(e.t);
    words_.push_back(w);
    write_t_ = e.t;
    step_at_back_ = false;
  }
  const auto kind = static_cast<std::uint8_t>(e.what);
  const bool has_payload = e.payload != write_last_[kind];
  // (A reader may have taken the step already: then the log is empty and nothing merges.)
  const bool merge = std::exchange(step_at_back_, false) &&
                     (e.what == event_kind::suspended || e.what == event_kind::finished) && !words_.empty() &&
                     words_.back().h.id == e.id;
  word w{};
  w.h = {e.id, merge ? stepped_then : kind, e.detail, has_payload, merge ? kind : std::uint8_t{0}};
  if (merge)
    words_.back() = w;
  else
    words_.push_back(w);
  if (!has_payload) {
    step_at_back_ = e.what == event_kind::stepped && e.detail == 0;
    return;
  }
  w.payload = e.payload;
  words_.push_back(w);
  write_last_[kind] = e.payload;
}

logged_event event_log::pop() {
  assert(!empty());
  head h;
  if (std::exchange(pending_second_, false)) {
    h = pending_;
  } else {
    h = words_.front().h;
    words_.pop_front();
    if (h.what == clock) {
      read_t_ = logged_event::unpack(words_.front().payload);
      words_.pop_front();
      h = words_.front().h;
      words_.pop_front();
    }
    if (h.what == stepped_then) {
      pending_ = h;
      pending_.what = h.then;
      pending_second_ = true;
      const auto stepped = static_cast<std::uint8_t>(event_kind::stepped);
      return {read_t_, h.id, event_kind::stepped, 0, read_last_[stepped]};
    }
  }
  logged_event e{read_t_, h.id, static_cast<event_kind>(h.what), h.detail, read_last_[h.what]};
  if (h.has_payload) {
    e.payload = read_last_[h.what] = words_.front().payload;
    words_.pop_front();
  }
  return e;
}

}  // namespace asyncrace::trace
