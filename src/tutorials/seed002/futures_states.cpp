// Seed 002: a bare asyncio.Future, pending, then given a result by the coroutine itself.
#include <string>

#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::futures_states {

task<> example_future() {
  asyncio::Future<std::string> future;  // Create a Future object
  print("Initial state:", future.done());  // False (Pending)

  // Simulate computation
  co_await asyncio::sleep(2);

  future.set_result("Task Completed");  // Mark future as done
  print("Final state:", future.done());  // True (Done)
  print("Result:", future.result());  // "Task Completed"
}

program script() {
  co_await asyncio::run(example_future());  // Error, will see it indepth in next topic

  // await example_future() // Directly await the coroutine instead of calling asyncio.run
}

}  // namespace asyncrace::tutorials::futures_states

namespace asyncrace::tutorials {
extern const tutorial_info futures_states_info{
    .slug = "futures_states",
    .seed = "002",
    .topic = "futures",
    .title = "A Future's states: pending, then done with a result",
    .explanation =
        "asyncio.Future() is an empty box bound to the running loop: done() is False until someone "
        "calls set_result. Here the coroutine fills it itself after its two-second sleep, so "
        "done() turns True and result() returns the value at once. Nobody awaits this future: "
        "it shows the states, not the waiting. The seed's comment calls asyncio.run an error: it is "
        "one in Jupyter, whose own loop is already running (RuntimeError: asyncio.run() cannot be "
        "called from a running event loop), hence the commented-out top-level `await` there. Run "
        "as a script, as here, asyncio.run is the way.",
    .script = &futures_states::script,
};
}  // namespace asyncrace::tutorials
