// Seed 001: awaiting the coroutine runs it — one task, one second.
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::await_once_noarg {

task<> do_some_work() {
  print("Starting work");
  co_await asyncio::sleep(1);
  print("Work complete");
}

// The notebook cell `await do_some_work()` runs as asyncio.run(...).
program script() { co_await asyncio::run(do_some_work()); }

}  // namespace asyncrace::tutorials::await_once_noarg

namespace asyncrace::tutorials {
extern const tutorial_info await_once_noarg_info{
    .slug = "await_once_noarg",
    .seed = "001",
    .topic = "coroutines",
    .title = "await runs the coroutine: start, one second of sleep, done",
    .explanation =
        "Awaited, the coroutine runs: \"Starting work\" at t = 0, then asyncio.sleep(1) suspends it; "
        "the loop has nothing else to do and jumps to t = 1, where \"Work complete\" prints. The "
        "notebook's top-level await runs here as asyncio.run(do_some_work()): one Task, one lane in "
        "the diagram.",
    .script = &await_once_noarg::script,
};
}  // namespace asyncrace::tutorials
