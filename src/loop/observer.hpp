// What the event loop reports as it runs. The scheduler knows nothing of traces or views: it calls
// this interface (when one is attached) and src/trace turns the calls into a recording.
#pragma once

#include <cstdint>
#include <string_view>

namespace asyncrace {

using task_id = std::uint32_t;
inline constexpr task_id no_task = 0;  // real task ids start at 1, like CPython's Task-N

// What a suspended task is waiting for.
enum class wait_kind : std::uint8_t {
  sleep,   // asyncio.sleep(d > 0): a timer at `deadline`
  yield,   // asyncio.sleep(0): one trip through the ready queue
  task,    // another task (`target` is its id)
  gather,  // a gather of `count` children (`target` is the first child's id)
  future,  // a plain future
};

struct wait_target {
  wait_kind kind = wait_kind::future;
  double deadline = 0.0;  // for sleep
  task_id target = no_task;
  std::uint32_t count = 0;
};

enum class task_outcome : std::uint8_t { result, exception, cancelled };
enum class output_stream : std::uint8_t { out, warning, exception };

class loop_observer {
 public:
  virtual ~loop_observer() = default;
  // `coro` is the coroutine function's name, `line` its definition line.
  virtual void task_created(task_id id, task_id parent, std::string_view name,
                            std::string_view coro, double t) = 0;
  virtual void task_stepped(task_id id, double t) = 0;  // a step of the task begins
  virtual void task_suspended(task_id id, const wait_target& on, double t) = 0;
  virtual void task_finished(task_id id, task_outcome outcome, double t) = 0;
  virtual void output(task_id from, output_stream stream, std::string_view text, double t) = 0;
  // The loop thread was blocked from `begin` to `end` (time.sleep, CPU work on the loop).
  virtual void loop_blocked(task_id by, double begin, double end) = 0;
  // An executor job (run_in_executor, to_thread) on worker `worker` of pool `pool`: submitted at
  // `queued` by `for_task`, run from `start` to `end` (the pool lanes of the race diagram).
  virtual void executor_job(std::uint32_t /*pool*/, std::uint32_t /*worker*/, std::string_view /*what*/,
                            double /*queued*/, double /*start*/, double /*end*/, task_id /*for_task*/) {}
};

}  // namespace asyncrace
