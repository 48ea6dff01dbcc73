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
//     nothing logged between) shares one word;
//   - an event that repeats the one before it for the next task (the same kind, detail, payload
//     and time, the task id one more) is counted, not written: a run of them is its first event
//     and one word of count. A gather's million children are created in one run, step and sleep
//     in another, and wake and finish in a third: a few words, not 8 MB each.
// Reading (oldest first) undoes all of it, so what is read is exactly what was logged.
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
  bool empty() const { return words_.empty() && !step_held_ && repeats_left_ == 0 && !pending_second_; }
  // What the log holds now, a step not yet written included.
  std::size_t bytes() const { return (words_.size() + (step_held_ ? 1 : 0)) * sizeof(word); }
  void push(const logged_event& e);
  logged_event pop();  // the oldest event; the log must not be empty

 private:
  static constexpr std::uint8_t kinds = 5;
  static constexpr std::uint8_t clock = kinds;  // a head whose next word is the new time
  // A stepped event (detail 0, no payload) and the suspended or finished event that followed it:
  // `then` says which; detail and payload are the second event's.
  static constexpr std::uint8_t stepped_then = kinds + 1;
  // After an event's head (and its payload): the event happens `id` more times, for the next
  // tasks in turn.
  static constexpr std::uint8_t repeat = kinds + 2;
  struct head {
    task_id id;
    std::uint8_t what;  // an event_kind, clock, stepped_then or repeat
    std::uint8_t detail;
    std::uint8_t has_payload;  // the next word is the payload
    std::uint8_t then;         // stepped_then's second event_kind
    // The kind whose payload it carries (stepped_then: its second event's).
    std::uint8_t payload_kind() const { return what == stepped_then ? then : what; }
  };
  union word {
    head h;
    std::uint64_t payload;
  };
  static_assert(sizeof(word) == 8);

  // Writes an event (its head, and payload when it has one), or counts it in the run at the back.
  void append(head h, std::uint64_t payload);
  void release_held_step();
  head take_head();  // the reader's next head (writing a held step first, when it is all that is left)
  logged_event event_of(const head& h) const {
    return {read_t_, h.id, static_cast<event_kind>(h.payload_kind()), h.detail, read_last_[h.payload_kind()]};
  }

  chunk_queue<word, 1024> words_;
  // What a reader and the writer last saw: an omitted clock or payload is the same as then.
  double write_t_ = 0.0;
  double read_t_ = 0.0;
  std::uint64_t write_last_[kinds] = {};
  std::uint64_t read_last_[kinds] = {};
  // The writer: a step is held back until the next event says whether they share a word.
  head held_{};
  bool step_held_ = false;
  // The writer: the newest event written, and whether the back of the log is still its head,
  // payload or count (so that the next task's same event extends it).
  head last_{};
  bool run_at_back_ = false;
  bool repeat_at_back_ = false;  // the back word is its count
  // The reader: what is left of the run being read, and the second half of a stepped_then.
  head repeat_{};
  std::uint32_t repeats_left_ = 0;
  head pending_{};
  bool pending_second_ = false;
};

}  // namespace asyncrace::trace
