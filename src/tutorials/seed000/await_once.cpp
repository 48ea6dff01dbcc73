// Seed 000, In [29]: awaiting the coroutine runs it — one task, one second.
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::await_once {

task<> do_some_work(int num) {
  print("Starting work", num);
  co_await asyncio::sleep(1);
  print("Work complete", num);
}

// The notebook cell `await do_some_work(1)` runs as asyncio.run(...).
program script() { co_await asyncio::run(do_some_work(1)); }

}  // namespace asyncrace::tutorials::await_once

namespace asyncrace::tutorials {
extern const tutorial_info await_once_info{
    .slug = "await_once",
    .seed = "000",
    .topic = "coroutines",
    .title = "await runs the coroutine: start, one second of sleep, done",
    .explanation =
        "Now the coroutine is awaited, so its body runs: \"Starting work 1\" at t = 0, then "
        "asyncio.sleep(1) suspends it and the loop, with nothing else to do, jumps to t = 1, where "
        "\"Work complete 1\" prints. The diagram has a single lane: the notebook's top-level await "
        "runs here as asyncio.run(do_some_work(1)), which wraps the coroutine in one Task.\n\n"
        "We dropped the seed's unused `from cgitb import text`: on Python 3.11 it only adds a "
        "DeprecationWarning.",
    .script = &await_once::script,
};
}  // namespace asyncrace::tutorials
