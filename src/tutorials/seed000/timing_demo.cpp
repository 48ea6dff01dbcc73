// Seed 000, "Let's see the actual timing differences!": gather's three workers, with time stamps.
#include "program/py_time.hpp"
#include "pyrt/py_fixed.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::timing_demo {

task<> do_some_work_with_timing(int num) {
  const double start_time = time::time();
  print("Starting work", num, "at", py_fixed(start_time, 6));
  co_await asyncio::sleep(1);
  const double end_time = time::time();
  const double elapsed = end_time - start_time;
  print("Work complete", num, "at", py_fixed(end_time, 6), "(elapsed: " + py_fixed(elapsed, 6) + "s)");
}

task<> demonstrate_timing() {
  const double start = time::time();
  print("All tasks starting at:", py_fixed(start, 6) + "\n");
  co_await asyncio::gather(
      do_some_work_with_timing(10),
      do_some_work_with_timing(11),
      do_some_work_with_timing(12));
  print("\nAll tasks finished at:", py_fixed(time::time(), 6));
}

// The notebook cell `await demonstrate_timing()` runs as asyncio.run(...).
program script() { co_await asyncio::run(demonstrate_timing()); }

}  // namespace asyncrace::tutorials::timing_demo

namespace asyncrace::tutorials {
extern const tutorial_info timing_demo_info{
    .slug = "timing_demo",
    .seed = "000",
    .topic = "gather",
    .title = "Time stamps: three gathered workers start together and wake together",
    .explanation =
        "The seed expected to see small timing differences. On the virtual clock there are none: "
        "all three workers start at 0.000000 and end at exactly 1.000000, since asyncio's own steps "
        "take no time; the 'jitter' tie policy adds the microseconds of noise a real clock shows.\n\n"
        "The three equal deadlines wake 10, 11, 12, in gather's order. CPython's timer heap, which "
        "breaks ties by its shape, happens to pop three equal timers in the order they were pushed, "
        "but not nine: see nine_tasks_race.",
    .script = &timing_demo::script,
};
}  // namespace asyncrace::tutorials
