// Seed 001, example 1: asyncio.sleep (non-blocking) vs time.sleep (blocking) under gather.
#include "program/py_time.hpp"
#include "pyrt/py_fixed.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::blocking_vs_async_sleep {

task<> async_work(int i) {
  print(py_fixed(time::time(), 3), "start async", i);
  co_await asyncio::sleep(1);
  print(py_fixed(time::time(), 3), "done async", i);
}

void blocking_work(int i) {
  print(py_fixed(time::time(), 3), "start block", i);
  time::sleep(1);
  print(py_fixed(time::time(), 3), "done block", i);
}

task<> run_async_gather() {
  const double t0 = time::time();
  co_await asyncio::gather(async_work(1), async_work(2), async_work(3));
  print("elapsed gather (asyncio.sleep):", time::time() - t0);
}

task<> worker_blocking(int i) {
  print(py_fixed(time::time(), 3), "start worker_blocking", i);
  blocking_work(i);  // blocks the loop
  print(py_fixed(time::time(), 3), "end worker_blocking", i);
  co_return;
}

task<> run_blocking_gather() {
  const double t0 = time::time();
  co_await asyncio::gather(worker_blocking(1), worker_blocking(2), worker_blocking(3));
  print("elapsed gather (blocking):", time::time() - t0);
}

// Two notebook cells: `await run_async_gather()`, then `await run_blocking_gather()`.
program script() {
  co_await asyncio::run(run_async_gather());
  co_await asyncio::run(run_blocking_gather());
}

}  // namespace asyncrace::tutorials::blocking_vs_async_sleep

namespace asyncrace::tutorials {
extern const tutorial_info blocking_vs_async_sleep_info{
    .slug = "blocking_vs_async_sleep",
    .seed = "001",
    .topic = "blocking the loop",
    .title = "asyncio.sleep lets gather overlap three waits; time.sleep makes them queue up",
    .explanation =
        "First cell: the three async_work tasks start at 0.000, sleep together and end at 1.000, "
        "so gather takes 1.0 s. They run concurrently on one thread, not in parallel as the seed's "
        "comment says: only their waits overlap.\n\n"
        "Second cell (the clock carries on from 1.0): gather still makes three tasks, but "
        "blocking_work's time.sleep(1) holds the loop's only thread. Each worker_blocking runs from "
        "start to end before the next one even starts, and the diagram shows the loop blocked for "
        "three seconds: elapsed 3.0.",
    .script = &blocking_vs_async_sleep::script,
};
}  // namespace asyncrace::tutorials
