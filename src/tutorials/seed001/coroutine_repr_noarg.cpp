// Seed 001: calling an async function without await — a coroutine object, no work.
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::coroutine_repr_noarg {

task<> do_some_work() {
  print("Starting work");
  co_await asyncio::sleep(1);
  print("Work complete");
}

// The cell's last expression is displayed (IPython's Out[N]) and kept in the output history.
program script() {
  display(do_some_work());
  co_return;
}

}  // namespace asyncrace::tutorials::coroutine_repr_noarg

namespace asyncrace::tutorials {
extern const tutorial_info coroutine_repr_noarg_info{
    .slug = "coroutine_repr_noarg",
    .seed = "001",
    .topic = "coroutines",
    .title = "Calling an async function only creates a coroutine object",
    .explanation =
        "Seed 001 repeats seed 000's first lesson with a do_some_work that takes no argument. "
        "do_some_work() runs none of the body: it returns a coroutine object, whose repr the cell "
        "shows. Nothing prints \"Starting work\" and the clock stays at 0.\n\n"
        "The notebook keeps the displayed object in its output history, so the \"was never awaited\" "
        "RuntimeWarning comes only when the interpreter exits, from sys:1 rather than from the line "
        "of the call.",
    .script = &coroutine_repr_noarg::script,
};
}  // namespace asyncrace::tutorials
