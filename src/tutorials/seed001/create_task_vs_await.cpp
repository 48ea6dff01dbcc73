// Seed 001, example 2: sequential awaits vs create_task vs gather, then blocking jobs in tasks.
#include "program/py_time.hpp"
#include "pyrt/py_fixed.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::create_task_vs_await {

task<> job(int i) {
  print(py_fixed(time::time(), 3), "start", i);
  co_await asyncio::sleep(1);
  print(py_fixed(time::time(), 3), "end", i);
}

task<> seq() {
  const double t0 = time::time();
  co_await job(1);
  co_await job(2);
  co_await job(3);
  print("seq elapsed", time::time() - t0);
}

task<> tasks_then_await() {
  const double t0 = time::time();
  auto t1 = asyncio::create_task(job(1));
  auto t2 = asyncio::create_task(job(2));
  auto t3 = asyncio::create_task(job(3));
  co_await t1;
  co_await t2;
  co_await t3;
  print("tasks_then_await elapsed", time::time() - t0);
}

task<> gather_example() {
  const double t0 = time::time();
  co_await asyncio::gather(job(1), job(2), job(3));
  print("gather elapsed", time::time() - t0);
}

task<> blocking_job(int i) {
  print(py_fixed(time::time(), 3), "start blocking job", i);
  time::sleep(1);  // blocks the loop
  print(py_fixed(time::time(), 3), "end blocking job", i);
  co_return;
}

task<> blocking_tasks_then_await() {
  const double t0 = time::time();
  auto t1 = asyncio::create_task(blocking_job(1));
  auto t2 = asyncio::create_task(blocking_job(2));
  auto t3 = asyncio::create_task(blocking_job(3));
  co_await t1;
  co_await t2;
  co_await t3;
  print("blocking tasks_then_await elapsed", time::time() - t0);
}

// Four notebook cells, each `await X()`: one asyncio.run each, on one clock.
program script() {
  co_await asyncio::run(seq());
  co_await asyncio::run(tasks_then_await());
  co_await asyncio::run(gather_example());
  co_await asyncio::run(blocking_tasks_then_await());
}

}  // namespace asyncrace::tutorials::create_task_vs_await

namespace asyncrace::tutorials {
extern const tutorial_info create_task_vs_await_info{
    .slug = "create_task_vs_await",
    .seed = "001",
    .topic = "tasks",
    .title = "await in a row takes 3 s, create_task and gather 1 s, blocking jobs in tasks 3 s",
    .explanation =
        "seq awaits the jobs one after the other, inside its own task: 3.0 s. tasks_then_await and "
        "gather_example turn them into Tasks, whose sleeps overlap: 1.0 s each.\n\n"
        "The seed's comment says the jobs start at the create_task lines. They do not: create_task "
        "only schedules a task's first step, so the jobs start once tasks_then_await suspends at "
        "`await t1` (one loop iteration later, at the same virtual time), and by the time that await "
        "returns, t2 and t3 are done too. In the last cell time.sleep blocks the loop, so the three "
        "tasks run one after the other within a single loop iteration: 3.0 s, since create_task "
        "makes no thread, as the seed says.",
    .script = &create_task_vs_await::script,
};
}  // namespace asyncrace::tutorials
