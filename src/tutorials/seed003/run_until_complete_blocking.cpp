// Seed 003: time.sleep inside a coroutine, run with loop.run_until_complete.
#include "program/py_time.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::run_until_complete_blocking {

task<> do_something() {
  print("Starting Work");
  time::sleep(5);
  print("Finishing Work");
  co_return;
}

program script() {
  // loop = asyncio.get_event_loop(): the program's one loop
  co_await asyncio::run_until_complete(do_something());
  // finally: loop.close() (nothing left to close here)
}

}  // namespace asyncrace::tutorials::run_until_complete_blocking

namespace asyncrace::tutorials {
extern const tutorial_info run_until_complete_blocking_info{
    .slug = "run_until_complete_blocking",
    .seed = "003",
    .topic = "blocking the loop",
    .title = "time.sleep in a coroutine blocks the whole loop for five seconds",
    .explanation =
        "time.sleep is not asyncio.sleep: it never yields to the event loop, so the loop's one "
        "thread is stuck in it for the full five seconds (the diagram shows the loop blocked) and "
        "no other task could run meanwhile. With a single task you cannot see the harm; add a "
        "second one and it would wait. Use await asyncio.sleep(5) inside a coroutine.\n\n"
        "loop.run_until_complete runs the loop only until this one coroutine is done, and "
        "loop.close() then shuts it; asyncio.run does both, plus cleanup, in one call, and newer "
        "Pythons deprecate get_event_loop() outside a running loop. We added the imports of the "
        "post's first snippet.",
    .script = &run_until_complete_blocking::script,
};
}  // namespace asyncrace::tutorials
