#include "trace/event_log.hpp"

#include <cassert>

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
  }
  const auto kind = static_cast<std::uint8_t>(e.what);
  const bool has_payload = e.payload != write_last_[kind];
  word w{};
  w.h = {e.id, kind, e.detail, has_payload, 0};
  words_.push_back(w);
  if (!has_payload) return;
  w.payload = e.payload;
  words_.push_back(w);
  write_last_[kind] = e.payload;
}

logged_event event_log::pop() {
  assert(!words_.empty());
  head h = words_.front().h;
  words_.pop_front();
  if (h.what == clock) {
    read_t_ = logged_event::unpack(words_.front().payload);
    words_.pop_front();
    h = words_.front().h;
    words_.pop_front();
  }
  logged_event e{read_t_, h.id, static_cast<event_kind>(h.what), h.detail, read_last_[h.what]};
  if (h.has_payload) {
    e.payload = read_last_[h.what] = words_.front().payload;
    words_.pop_front();
  }
  return e;
}

}  // namespace asyncrace::trace
