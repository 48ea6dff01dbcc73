// Seed 001: awaiting three coroutines one after the other — three seconds.
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::sequential_await_noarg {

task<> do_some_work() {
  print("Starting work");
  co_await asyncio::sleep(1);
  print("Work complete");
}

task<> do_a_lot_of_work() {
  co_await do_some_work();
  co_await do_some_work();
  co_await do_some_work();
}

// The notebook cell `await do_a_lot_of_work()` runs as asyncio.run(...).
program script() { co_await asyncio::run(do_a_lot_of_work()); }

}  // namespace asyncrace::tutorials::sequential_await_noarg

namespace asyncrace::tutorials {
extern const tutorial_info sequential_await_noarg_info{
    .slug = "sequential_await_noarg",
    .seed = "001",
    .topic = "sequential vs concurrent",
    .title = "Three awaits in a row: one task, three seconds",
    .explanation =
        "Awaiting a coroutine runs it inside the awaiting task: no new task, no extra loop "
        "iteration. The three workers therefore run one after another in a single task (one lane in "
        "the diagram), each sleeping its full second before the next starts: three seconds in all. "
        "gather_three_noarg does the same work in one.",
    .script = &sequential_await_noarg::script,
};
}  // namespace asyncrace::tutorials
