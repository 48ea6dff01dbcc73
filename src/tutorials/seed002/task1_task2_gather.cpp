// Seed 002: two tasks created up front, then gathered; the short one finishes first.
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::task1_task2_gather {

task<> task1() {
  co_await asyncio::sleep(4);
  print("\tTask 1 done");
}

task<> task2() {
  co_await asyncio::sleep(1);
  print("\tTask 2 done");
}

task<> main() {
  auto t1 = asyncio::create_task(task1());
  auto t2 = asyncio::create_task(task2());
  print("Start main()...");
  co_await asyncio::gather(t1, t2);
  print("End main()...");
}

program script() { co_await asyncio::run(main()); }

}  // namespace asyncrace::tutorials::task1_task2_gather

namespace asyncrace::tutorials {
extern const tutorial_info task1_task2_gather_info{
    .slug = "task1_task2_gather",
    .seed = "002",
    .topic = "tasks",
    .title = "create_task, then gather: four seconds, not five",
    .explanation =
        "create_task only schedules the two tasks: main goes on and prints \"Start main()...\" "
        "before either has run a line. They start when main suspends on the gather, and their "
        "sleeps overlap: Task 2 is done at t = 1, Task 1 at t = 4, and main ends at t = 4, the "
        "longest sleep, not the sum. gather is given the Tasks themselves, so it makes no new "
        "task: the diagram has three lanes.",
    .script = &task1_task2_gather::script,
};
}  // namespace asyncrace::tutorials
