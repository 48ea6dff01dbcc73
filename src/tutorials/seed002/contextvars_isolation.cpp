// Seed 002: two tasks set the same ContextVar; each keeps its own value.
#include <string>

#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::contextvars_isolation {

contextvars::context_var<std::string> my_var("my_var");

task<> task_one() {
  my_var.set("Value from task_one");
  print("Task One:", my_var.get());
  co_await asyncio::sleep(1);
  print("Task One (after sleep):", my_var.get());  // Still task_one's value
}

task<> task_two() {
  my_var.set("Value from task_two");
  print("Task Two:", my_var.get());
  co_return;
}

task<> main() {
  auto task1 = asyncio::create_task(task_one());
  auto task2 = asyncio::create_task(task_two());
  co_await asyncio::gather(task1, task2);
}

program script() { co_await asyncio::run(main()); }

}  // namespace asyncrace::tutorials::contextvars_isolation

namespace asyncrace::tutorials {
extern const tutorial_info contextvars_isolation_info{
    .slug = "contextvars_isolation",
    .seed = "002",
    .topic = "context variables",
    .title = "A ContextVar set in one task is invisible to the others",
    .explanation =
        "Each Task runs in its own copy of the context that was current when it was created. "
        "task_one sets my_var and sleeps; task_two then sets my_var too, but in its own copy, so "
        "when task_one wakes at t = 1 it still reads \"Value from task_one\". Compare "
        "global_var_race, the same program with a plain global, where task_two's write wins.",
    .script = &contextvars_isolation::script,
};
}  // namespace asyncrace::tutorials
