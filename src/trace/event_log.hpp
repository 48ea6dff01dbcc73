// The recording's log of task events between two reads of its lanes, in 8-byte words: a million
// observed tasks log five events each, and as 24-byte records those were the trace's share of
// the peak memory (72 MB of the million sleepers', three events each while they all sleep).
//
// An event is one word (task, kind, detail) plus, only when needed, a second word:
//   - its 8-byte payload (a sleep's deadline, a created task's parent and coroutine, ...) is
//     written only when it differs from the previous payload of the same kind of event: a
//     gather's million children share one parent and coroutine, a million sleeps one deadline;
//   - the clock is a word of its own, written only when it differs from the previous event's
//     (the loop's clock stands still for a whole iteration);
//   - a task's step followed at once by its suspension or its end (the same task, the same time,
//     nothing logged between) shares one word: a million sleepers' steps cost 8 bytes each, not 16.
// Reading (oldest first) undoes both, so what is read is exactly what was logged.
#pragma once

#include <cstdint>
#include <cstring>

#include "loop/chunk_queue.hpp"
#include "loop/observer.hpp"

namespace asyncrace::trace {

enum class event_kind : std::uint8_t { created, stepped, suspended, finished, output };

struct logged_event {
  double t = 0.0;
  task_id id = no_task;
  event_kind what = event_kind::stepped;
  std::uint8_t detail = 0;
  std::uint64_t payload = 0;  // by kind (see recording.cpp); 0 when the kind has none

  static std::uint64_t pack(std::uint32_t a, std::uint32_t b) { return (std::uint64_t{b} << 32) | a; }
  std::uint32_t first() const { return static_cast<std::uint32_t>(payload); }
  std::uint32_t second() const { return static_cast<std::uint32_t>(payload >> 32); }
  static std::uint64_t pack(double d) {
    std::uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    return bits;
  }
  static double unpack(std::uint64_t bits) {
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }
  double as_double() const { return unpack(payload); }
};

class event_log {
 public:
  bool empty() const { return words_.empty() && !pending_second_; }
  std::size_t bytes() const { return words_.size() * sizeof(word); }
  void push(const logged_event& e);
  logged_event pop();  // the oldest event; the log must not be empty

 private:
  static constexpr std::uint8_t kinds = 5;
  static constexpr std::uint8_t clock = kinds;  // a head whose next word is the new time
  // A stepped event (detail 0, no payload) and the suspended or finished event that followed it:
  // `then` says which; detail and payload are the second event's.
  static constexpr std::uint8_t stepped_then = kinds + 1;
  struct head {
    task_id id;
    std::uint8_t what;  // an event_kind, clock or stepped_then
    std::uint8_t detail;
    std::uint8_t has_payload;  // the next word is the payload
    std::uint8_t then;         // stepped_then's second event_kind
  };
  union word {
    head h;
    std::uint64_t payload;
  };
  static_assert(sizeof(word) == 8);

  chunk_queue<word, 1024> words_;
  // What a reader and the writer last saw: an omitted clock or payload is the same as then.
  double write_t_ = 0.0;
  double read_t_ = 0.0;
  // The writer: the last word pushed is the head of a stepped event of this task.
  bool step_at_back_ = false;
  // The reader: the second half of a stepped_then word is still to be returned.
  bool pending_second_ = false;
  head pending_{};
  std::uint64_t write_last_[kinds] = {};
  std::uint64_t read_last_[kinds] = {};
};

}  // namespace asyncrace::trace
