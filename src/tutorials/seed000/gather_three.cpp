// Seed 000, In [44]: three workers in parallel with asyncio.gather — one second, not three.
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::gather_three {

task<> do_some_work(int num) {
  print("Starting work", num);
  co_await asyncio::sleep(1);
  print("Work complete", num);
}

task<> do_a_lot_of_work_in_parallel(int num) {
  co_await asyncio::gather(do_some_work(num), do_some_work(num + 1), do_some_work(num + 2));
}

// The notebook cell `await do_a_lot_of_work_in_parallel(10)` runs as asyncio.run(...).
program script() { co_await asyncio::run(do_a_lot_of_work_in_parallel(10)); }

}  // namespace asyncrace::tutorials::gather_three

namespace asyncrace::tutorials {
extern const tutorial_info gather_three_info{
    .slug = "gather_three",
    .seed = "000",
    .topic = "sequential vs concurrent",
    .title = "asyncio.gather runs three one-second workers in one second",
    .explanation =
        "gather wraps each coroutine in a Task right away, in argument order. The three tasks start "
        "in the next loop iteration, print, and all begin their sleeps at t = 0; the loop then has "
        "nothing to do until t = 1, when all three wake. Total: one second, on one thread. "
        "Compare with sequential_await, which takes three.",
    .script = &gather_three::script,
};
}  // namespace asyncrace::tutorials
