// Real work off the loop's thread (a real executor, src/pool), handed back as CPython's
// call_soon_threadsafe does: the loop's thread announces each piece with begin(), and the thread
// that did it hands its completion back with done(cb), from any thread; the loop takes it into
// its ready queue at its next iteration (take). While any announced piece has not been taken,
// the loop's clock is the wall clock: sync() gives the real time since the last sync, and take()
// may really wait for a completion.
//
// In the browser the loop's thread must never wait: completions arrive from the page's event
// loop (a Web Worker's message) between iterations. With an executor factory that says so
// (executor_factory::hands_back_between_iterations), may_wait() is false.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "loop/callback.hpp"
#include "loop/chunk_queue.hpp"

namespace asyncrace {

class executor_factory;

class external_work {
 public:
  using wall_clock = std::chrono::steady_clock;

  explicit external_work(const executor_factory* executors);
  ~external_work();
  external_work(const external_work&) = delete;
  external_work& operator=(const external_work&) = delete;

  // On the loop's thread, before the work can be handed back.
  void begin();
  // From any thread, once per begin().
  void done(callback cb);
  // Announced, not yet taken into the ready queue (loop thread only).
  std::size_t pending() const { return pending_; }
  // A completion is waiting to be taken.
  bool handed_back() const;
  // Whether the loop's thread may wait for completions (false: they arrive between iterations).
  bool may_wait() const;

  // The wall seconds since the last sync; the sync point moves to now.
  double sync();
  // Wall seconds from `t` to the last sync (negative when `t` is later).
  double before_sync(wall_clock::time_point t) const;
  // Wall seconds since the last sync.
  double since_sync() const;

  // Moves the completions handed back into `ready` and returns how many. With `wait` (seconds;
  // infinity for no limit) and none handed back yet, first waits that long for one.
  std::size_t take(chunk_queue<callback>& ready, std::optional<double> wait);
  // The loop's destruction: every piece still out goes into `ready`, waited for where the loop
  // may wait (as CPython's exit joins executor threads); otherwise its factory drops it.
  void drain(chunk_queue<callback>& ready);

 private:
  struct inbox;  // completions handed back by other threads

  const executor_factory* executors_;
  std::unique_ptr<inbox> inbox_;  // made with the first piece
  std::size_t pending_ = 0;
  wall_clock::time_point wall_sync_{};  // the wall instant the loop's clock was last synced to
};

}  // namespace asyncrace
