// The await chains of pending tasks at every recorded iteration (loop_snapshot::chains), as
// reversible deltas: per iteration only the tasks whose chain changed (they stepped, were created
// or finished), each write holding the old and the new value, so a cursor moves one iteration in
// either direction in time proportional to what changed. Frame lists (main:12 → worker:5 →
// sleep) recur across tasks and iterations and are stored once; a task's value is a frame list's
// index, whether it started, and what it awaits (a sleep's deadline differs from task to task).
// loop_steps owns one and applies the same size cap (bytes() counts into its total).
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "loop/observer.hpp"

namespace asyncrace::trace {

class chain_steps {
 public:
  // Records one iteration: the chains that changed and the tasks that finished since the last.
  void add(std::span<const task_chain> changed, std::span<const task_id> finished);
  std::size_t size() const { return ends_.size(); }
  std::size_t bytes() const;
  void clear() { *this = chain_steps{}; }

  // The chains at one iteration, moved by loop_steps::cursor.
  class cursor {
   public:
    explicit cursor(const chain_steps& s) : s_(&s) {}
    void apply(std::size_t k);    // record k's new values (from k - 1; from nothing for k = 0)
    void unapply(std::size_t k);  // record k's old values (back to k - 1)
    // Every pending task's chain (created, not finished), in order of task id.
    std::vector<task_chain> chains() const;

   private:
    const chain_steps* s_;
    std::vector<std::uint32_t> value_of_;  // by task id: index into values_, or none
  };

 private:
  static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
  struct value {
    std::uint32_t frames;  // index into frame_lists_
    bool started;
    wait_target awaits;
  };
  struct write {
    task_id task;
    std::uint32_t before, after;  // indices into values_ (none: no chain: not yet created, or finished)
  };
  std::uint32_t intern(const std::vector<await_frame>& frames);
  void set(task_id task, std::uint32_t v);

  std::vector<std::vector<await_frame>> frame_lists_;
  std::unordered_map<std::string, std::uint32_t> frame_index_;  // a frame list's text → its index
  std::size_t frame_bytes_ = 0;
  std::vector<value> values_;
  std::vector<write> writes_;
  std::vector<std::size_t> ends_;       // per iteration: the end of its writes
  std::vector<std::uint32_t> current_;  // by task id: its value at the last iteration
};

}  // namespace asyncrace::trace
