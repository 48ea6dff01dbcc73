// Seed 002: inspect.isawaitable(my_function()) is True, and the coroutine it was given is never
// awaited.
#include "program/inspect.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::isawaitable_warning {

// --- In [None]
task<> my_function() {
  co_await asyncio::sleep(4);
  print("Hello! from my_function()");
}

task<> main() { co_await my_function(); }

program script() {
  co_await asyncio::run(main());

  // --- In [None]
  print("isawaitable = ", inspect::isawaitable(my_function()));  // py:16
}

}  // namespace asyncrace::tutorials::isawaitable_warning

namespace asyncrace::tutorials {
extern const tutorial_info isawaitable_warning_info{
    .slug = "isawaitable_warning",
    .seed = "002",
    .topic = "coroutines",
    .title = "inspect.isawaitable(my_function()): True, and a never-awaited warning",
    .explanation =
        "Calling my_function() only makes a coroutine object; isawaitable says True, since it "
        "can be awaited. But nothing ever awaits it: it is thrown away as soon as isawaitable "
        "returns, so CPython's RuntimeWarning \"coroutine 'my_function' was never awaited\" comes "
        "first, and the print of the result after it. To check without creating a coroutine, ask "
        "about the function: inspect.iscoroutinefunction(my_function).",
    .script = &isawaitable_warning::script,
};
}  // namespace asyncrace::tutorials
