// Seed 002: main awaits my_function, which sleeps four seconds and says hello.
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::my_function_sleep4 {

task<> my_function() {
  co_await asyncio::sleep(4);
  print("Hello! from my_function()");
}

task<> main() { co_await my_function(); }

program script() { co_await asyncio::run(main()); }

}  // namespace asyncrace::tutorials::my_function_sleep4

namespace asyncrace::tutorials {
extern const tutorial_info my_function_sleep4_info{
    .slug = "my_function_sleep4",
    .seed = "002",
    .topic = "coroutines",
    .title = "asyncio.run(main()): one task awaits a coroutine that sleeps four seconds",
    .explanation =
        "asyncio.run wraps main() in a Task (Task-1), the only lane in the diagram. `await "
        "my_function()` does not create a second task: the coroutine runs inside Task-1, and its "
        "sleep suspends the whole task. Nothing else is ready, so the virtual clock jumps straight "
        "to t = 4 and the greeting is printed there.",
    .script = &my_function_sleep4::script,
};
}  // namespace asyncrace::tutorials
