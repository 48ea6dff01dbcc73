// Seed 001: three calls without await — three never-awaited warnings, no work.
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::forgotten_await_noarg {

task<> do_some_work() {
  print("Starting work");
  co_await asyncio::sleep(1);
  print("Work complete");
}

// Each call creates a coroutine object that the statement drops at once: forget() says so.
task<> do_a_lot_of_work() {
  forget(do_some_work());  // py:16
  forget(do_some_work());  // py:17
  forget(do_some_work());  // py:18
  co_return;
}

// The notebook cell `await do_a_lot_of_work()` runs as asyncio.run(...).
program script() { co_await asyncio::run(do_a_lot_of_work()); }

}  // namespace asyncrace::tutorials::forgotten_await_noarg

namespace asyncrace::tutorials {
extern const tutorial_info forgotten_await_noarg_info{
    .slug = "forgotten_await_noarg",
    .seed = "001",
    .topic = "coroutines",
    .title = "Calling coroutines without await: three warnings and no work",
    .explanation =
        "do_a_lot_of_work calls do_some_work three times without await. Each call only creates a "
        "coroutine object that the statement throws away: nothing prints, and the run ends at t = 0.\n\n"
        "CPython warns as each object is destroyed, which is at once: one RuntimeWarning per call, "
        "naming the line that created it (16, 17, 18). In C++ the drop is explicit, with forget(...).",
    .script = &forgotten_await_noarg::script,
};
}  // namespace asyncrace::tutorials
