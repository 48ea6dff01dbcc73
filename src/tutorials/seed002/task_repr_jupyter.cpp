// Seed 002: a Task's repr as the notebook displays it, before its first step and during its sleep.
#include <string>

#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::task_repr_jupyter {

// --- In [None]
// prompt: examples of future methods
task<> example_future() {
  asyncio::Future<std::string> future;  // Create a Future object
  print("Initial state:", future.done());  // False (Pending)

  // Simulate computation
  co_await asyncio::sleep(2);  // py:10

  future.set_result("Task Completed");  // Mark future as done
  print("Final state:", future.done());  // True (Done)
  print("Result:", future.result());  // "Task Completed"
}

// asyncio.sleep(0) as a coroutine object, which run_until_complete wraps in a Task.
task<> sleep(double delay) { co_await asyncio::sleep(delay); }

program script() {
  co_await asyncio::run(example_future());  // Error, will see it indepth in next topic

  // await example_future() // Directly await the coroutine instead of calling asyncio.run

  // --- In [None]
  // The program's one event loop plays the notebook's new loop (asyncio.set_event_loop).
  event_loop& loop = *event_loop::current();
  auto task = create_task(loop, example_future());
  display_repr(task.repr());

  // --- asyncrace: the notebook's loop runs between the cells
  co_await asyncio::run_until_complete(sleep(0));

  // --- In [None]
  display_repr(task.repr());
}

}  // namespace asyncrace::tutorials::task_repr_jupyter

namespace asyncrace::tutorials {
extern const tutorial_info task_repr_jupyter_info{
    .slug = "task_repr_jupyter",
    .seed = "002",
    .topic = "tasks",
    .title = "What a Task's repr tells: pending at its def line, then pending at its await",
    .explanation =
        "loop.create_task only schedules the first step, so the first repr shows Task-4 pending "
        "\"running at\" line 5, the def line: not one line of it has run. (Task-4, not Task-2: "
        "asyncio.run made Task-1 for main and two Tasks of its own for its shutdown steps.) Once "
        "the loop turns, the task prints its initial state and suspends in asyncio.sleep(2): "
        "the second repr shows line 10 and the sleep's future it waits for, whose only callback "
        "wakes the task. In the notebook, Jupyter's own loop runs between cells; a script has "
        "none, so we run the new loop with run_until_complete(asyncio.sleep(0)), and "
        "asyncio.run(), which leaves no loop set, is followed by set_event_loop (# asyncrace "
        "lines, with the `import asyncio` an earlier cell made). The program ends with the task "
        "still sleeping: nobody runs the loop again.",
    .script = &task_repr_jupyter::script,
};
}  // namespace asyncrace::tutorials
