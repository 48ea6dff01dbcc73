// Executors in the model page's VIRTUAL mode (docs/asyncio-model.md, "Executors"): a pool of N virtual
// workers; a call goes to the worker free first (lowest index on ties) and starts at
// max(now, that worker's free time). The job runs at once, on its worker's clock (job_context), so
// a time.sleep in it delays only that worker; its result reaches the loop at its end time.
//
// The delivery mirrors CPython's chain, one loop iteration per link: the job's end is a timer
// (the concurrent future completes; its done-callback calls loop.call_soon_threadsafe(_set_state)),
// _set_state sets the asyncio future in the next iteration (futures._chain_future), and the
// awaiting task wakes in the one after. An awaiter that gave up (cancelled) does not stop the
// job: a running thread cannot be cancelled, and the worker stays busy until the job's end.

#pragma once

#include <cstdint>
#include <vector>

#include "loop/executor.hpp"
#include "pyrt/context.hpp"

namespace asyncrace {

// A pool of N virtual workers (see the top of this file).
class virtual_pool : public executor {
 public:
  explicit virtual_pool(int max_workers);
  ~virtual_pool() override;
  virtual_pool(const virtual_pool&) = delete;
  virtual_pool& operator=(const virtual_pool&) = delete;

  void submit(executor_job& job) override;
  // Blocks the running loop (time passes, nothing runs) until the last job's end.
  void shutdown(bool wait = true) override;

  int max_workers() const { return static_cast<int>(contexts_.size()); }
  bool idle() const override;
  std::uint32_t id() const override { return id_; }

 private:
  struct state;  // worker free times: shared with the jobs in flight
  static void job_ended(void* job);
  static void job_dropped(void* job);

  state* state_;
  // Each worker thread's own context (a new thread's is empty; it keeps what its jobs set).
  std::vector<context> contexts_;
  std::uint32_t id_;
  bool shut_down_ = false;
};

}  // namespace asyncrace
