// The executor interface the loop hands work off its thread to (concurrent.futures.Executor):
// one call as a type-erased job, the executor that runs jobs, and the factory a loop is given
// for real pools (loop_options::executors). The virtual pool and the pools the code creates are
// the asyncio layer's (asyncio/virtual_pool.hpp, asyncio/pool_executor.hpp); real pools are
// src/pool's.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "loop/observer.hpp"

namespace asyncrace {

class event_loop;
class job_context;
namespace wire {
struct outcome;
}

// One call handed to an executor, type-erased with function pointers (docs/style.md).
struct executor_job {
  void (*run)(executor_job&, job_context&);  // calls the function and keeps its outcome
  void (*deliver)(executor_job&);            // on the loop: the outcome reaches the asyncio future
  void (*drop)(executor_job&);               // never delivered (its loop was destroyed first)
  event_loop* loop = nullptr;
  task_id for_task = no_task;                // the task that submitted it (for traces)
  void* executor_data = nullptr;             // the executor's own bookkeeping while in flight
  // For workers that share no memory with the loop (job_wire.hpp, the page's Web Workers):
  // the call as a message (false when it has none: not a worker function, or an argument or
  // result a message cannot carry), and its outcome from one, kept as run would keep it.
  bool (*encode)(executor_job&, std::string& call) = nullptr;
  void (*decode)(executor_job&, const wire::outcome& outcome) = nullptr;
  // True once the awaiting future is cancelled (wait_for gave up): nobody waits for the outcome.
  bool (*abandoned)(const executor_job&) = nullptr;
};

class executor {
 public:
  virtual ~executor() = default;
  // Runs `job` on a worker; once it has finished, has job.loop call job.deliver through its ready
  // queue (CPython: the concurrent future's callback → loop.call_soon_threadsafe(_set_state)).
  // RuntimeError after shutdown, as CPython's "cannot schedule new futures after shutdown".
  virtual void submit(executor_job& job) = 0;
  // Executor.shutdown(wait): no new jobs; with wait, the calling thread blocks until every job
  // has ended (`with ThreadPoolExecutor() as pool:` does this on leaving the block).
  virtual void shutdown(bool wait = true) = 0;
  virtual bool idle() const = 0;             // no job in flight
  virtual std::uint32_t id() const = 0;      // observers' pool number, unique in the process
};

// A new pool number (virtual and real pools share the numbering).
std::uint32_t next_executor_id();

enum class pool_kind : std::uint8_t { thread, process };

// Makes the real pools of a loop (loop_options::executors; src/pool).
class executor_factory {
 public:
  virtual ~executor_factory() = default;
  // A pool for `ThreadPoolExecutor(max_workers)` / `ProcessPoolExecutor(max_workers)`
  // (max_workers > 0, the CPython default already applied).
  virtual std::unique_ptr<executor> make(pool_kind kind, int max_workers) const = 0;
  // True when its pools' completions arrive on the loop's own thread between iterations (the
  // browser's Web Workers): the loop must then never wait for them (event_loop.hpp).
  virtual bool hands_back_between_iterations() const { return false; }
};

}  // namespace asyncrace
