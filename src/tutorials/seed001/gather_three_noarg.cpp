// Seed 001: three workers in parallel with asyncio.gather — one second, not three.
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::gather_three_noarg {

task<> do_some_work() {
  print("Starting work");
  co_await asyncio::sleep(1);
  print("Work complete");
}

task<> do_a_lot_of_work_in_parallel() {
  co_await asyncio::gather(do_some_work(), do_some_work(), do_some_work());
}

// The notebook cell `await do_a_lot_of_work_in_parallel()` runs as asyncio.run(...).
program script() { co_await asyncio::run(do_a_lot_of_work_in_parallel()); }

}  // namespace asyncrace::tutorials::gather_three_noarg

namespace asyncrace::tutorials {
extern const tutorial_info gather_three_noarg_info{
    .slug = "gather_three_noarg",
    .seed = "001",
    .topic = "sequential vs concurrent",
    .title = "asyncio.gather runs three one-second workers in one second",
    .explanation =
        "gather wraps each coroutine in a Task right away, in argument order. The three tasks start "
        "in the next loop iteration and all begin their sleeps at t = 0; the loop then idles until "
        "t = 1, when all three wake. One second in all, on one thread, as the seed's comment says. "
        "The printed lines are identical, so only the diagram shows which task is which: watch the "
        "three lanes.",
    .script = &gather_three_noarg::script,
};
}  // namespace asyncrace::tutorials
