// Seed 002: two tasks write the same global; the one that sleeps reads the other's value.
#include <string>

#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::global_var_race {

std::string my_var = "new_val";

task<> task_one() {
  my_var = "Value from task_one";
  print("Task One:", my_var);
  co_await asyncio::sleep(9);
  print("Task One (after sleep):", my_var);  // Still task_one's value
}

task<> task_two() {
  my_var = "Value from task_two";
  print("Task Two:", my_var);
  co_return;
}

task<> main() {
  auto task1 = asyncio::create_task(task_one());
  auto task2 = asyncio::create_task(task_two());
  co_await asyncio::gather(task1, task2);
}

program script() {
  my_var = "new_val";  // the module's first line, run again on each run of the program
  co_await asyncio::run(main());
}

}  // namespace asyncrace::tutorials::global_var_race

namespace asyncrace::tutorials {
extern const tutorial_info global_var_race_info{
    .slug = "global_var_race",
    .seed = "002",
    .topic = "context variables",
    .title = "A global shared by two tasks: the write made during the sleep wins",
    .explanation =
        "task_one sets the global and sleeps nine seconds; meanwhile task_two runs and overwrites "
        "it. All tasks share one module, so at t = 9 task_one prints \"Value from task_two\". The "
        "seed's comment \"Still task_one's value\" is wrong for a global: it is what a ContextVar "
        "gives (contextvars_isolation). The seed imports contextvars but never uses it.",
    .script = &global_var_race::script,
};
}  // namespace asyncrace::tutorials
