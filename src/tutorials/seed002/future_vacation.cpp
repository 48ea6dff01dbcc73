// Seed 002: a task finishes while main is away; awaiting it later gives its result at once.
#include <string>

#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::future_vacation {

task<std::string> my_coroutine() {
  co_await asyncio::sleep(1);
  print("\tTask done...");
  co_return "My Coroutine completed";
}

task<> main() {
  // Create a Task (which returns a Future)
  print("Starting Coroutine...");
  auto future = asyncio::create_task(my_coroutine());

  print("Going to Maldives on a 2 day vacation");
  co_await asyncio::sleep(10);
  print("Come back from vacation");

  // Await the Future
  std::string result = co_await future;
  print("future = ", result);
}

program script() { co_await asyncio::run(main()); }

}  // namespace asyncrace::tutorials::future_vacation

namespace asyncrace::tutorials {
extern const tutorial_info future_vacation_info{
    .slug = "future_vacation",
    .seed = "002",
    .topic = "futures",
    .title = "A Task is a Future: it finishes at t = 1 even though nobody awaits it until t = 10",
    .explanation =
        "create_task starts my_coroutine as soon as main suspends in its ten-second sleep, so "
        "\"Task done...\" appears at t = 1, while main is still away. When main comes back at "
        "t = 10, the task is long finished: `await future` does not suspend at all and hands back "
        "the stored result. Awaiting a task waits only if it is still running; it never starts it. "
        "(The seed's comment says create_task \"returns a Future\": it returns a Task, which is a "
        "subclass of Future.)",
    .script = &future_vacation::script,
};
}  // namespace asyncrace::tutorials
