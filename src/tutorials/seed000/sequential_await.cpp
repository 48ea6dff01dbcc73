// Seed 000, In [32]: awaiting three coroutines one after the other — three seconds.
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::sequential_await {

task<> do_some_work(int num) {
  print("Starting work", num);
  co_await asyncio::sleep(1);
  print("Work complete", num);
}

task<> do_a_lot_of_work(int num) {
  co_await do_some_work(num);
  co_await do_some_work(num + 1);
  co_await do_some_work(num + 2);
}

// The notebook cell `await do_a_lot_of_work(1)` runs as asyncio.run(...).
program script() { co_await asyncio::run(do_a_lot_of_work(1)); }

}  // namespace asyncrace::tutorials::sequential_await

namespace asyncrace::tutorials {
extern const tutorial_info sequential_await_info{
    .slug = "sequential_await",
    .seed = "000",
    .topic = "sequential vs concurrent",
    .title = "Three awaits in a row: one task, three seconds",
    .explanation =
        "Awaiting a coroutine runs it inside the awaiting task: no new task, no loop iteration. So "
        "the three workers run one after another in a single task (watch the diagram: one lane), "
        "each sleeping its full second before the next starts. Three seconds in all. "
        "gather_three does the same work in one.",
    .script = &sequential_await::script,
};
}  // namespace asyncrace::tutorials
