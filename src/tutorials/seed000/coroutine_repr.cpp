// Seed 000, In [28]: calling an async function without await — a coroutine object, no work.
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::coroutine_repr {

task<> do_some_work(int num) {
  print("Starting work", num);
  co_await asyncio::sleep(1);
  print("Work complete", num);
}

// The cell's last expression is displayed (IPython's Out[28]) and kept in the output history.
program script() {
  display(do_some_work(1));
  co_return;
}

}  // namespace asyncrace::tutorials::coroutine_repr

namespace asyncrace::tutorials {
extern const tutorial_info coroutine_repr_info{
    .slug = "coroutine_repr",
    .seed = "000",
    .topic = "coroutines",
    .title = "Calling an async function only creates a coroutine object",
    .explanation =
        "do_some_work(1) runs none of the function's body: it returns a coroutine object, and the "
        "cell shows its repr. Nothing prints \"Starting work\", no task appears in the diagram and the "
        "clock stays at 0.\n\n"
        "The notebook keeps the displayed object in its output history, so the \"was never awaited\" "
        "RuntimeWarning comes only when the interpreter exits, from sys:1 rather than from the line "
        "of the call. We dropped the seed's unused `from cgitb import text`: on Python 3.11 it only "
        "adds a DeprecationWarning.",
    .script = &coroutine_repr::script,
};
}  // namespace asyncrace::tutorials
