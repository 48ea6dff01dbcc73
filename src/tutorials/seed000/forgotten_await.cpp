// Seed 000, In [31]: three calls without await — three never-awaited warnings, no work.
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::forgotten_await {

task<> do_some_work(int num) {
  print("Starting work", num);
  co_await asyncio::sleep(1);
  print("Work complete", num);
}

// Each call creates a coroutine object that the statement drops at once: forget() says so.
task<> do_a_lot_of_work(int num) {
  forget(do_some_work(num));      // py:17
  forget(do_some_work(num + 1));  // py:18
  forget(do_some_work(num + 2));  // py:19
  co_return;
}

// The notebook cell `await do_a_lot_of_work(1)` runs as asyncio.run(...).
program script() { co_await asyncio::run(do_a_lot_of_work(1)); }

}  // namespace asyncrace::tutorials::forgotten_await

namespace asyncrace::tutorials {
extern const tutorial_info forgotten_await_info{
    .slug = "forgotten_await",
    .seed = "000",
    .topic = "coroutines",
    .title = "Calling coroutines without await: three warnings and no work",
    .explanation =
        "do_a_lot_of_work calls do_some_work three times without await. Each call only creates a "
        "coroutine object, which the statement throws away, so nothing prints and the run ends at "
        "t = 0 with a single task in the diagram.\n\n"
        "CPython warns as each object is destroyed, at once since nothing refers to it: one "
        "RuntimeWarning per call, naming the line that created it. In C++ a coroutine is dropped "
        "explicitly, with forget(...). We dropped the seed's unused `from cgitb import text`: on "
        "Python 3.11 it only adds a DeprecationWarning.",
    .script = &forgotten_await::script,
};
}  // namespace asyncrace::tutorials
