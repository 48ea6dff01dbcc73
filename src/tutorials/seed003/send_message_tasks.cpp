// Seed 003, second snippet: wrap both coroutines in Tasks first, then await them — two seconds.
#include "program/py_time.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::send_message_tasks {

task<std::string> send_message(std::string to) {
  print("Sending message to " + to);
  co_await asyncio::sleep(2);
  print("Message sent to " + to);
  co_return "Completed message to " + to;
}

task<> main() {
  const double start = time::time();
  // Wrap as tasks to schedule the coroutines concurrently in the event loop
  auto send_john_task = asyncio::create_task(send_message("John Doe"));
  auto send_anna_task = asyncio::create_task(send_message("Anna Herb"));
  co_await send_john_task;
  co_await send_anna_task;
  const double end = time::time();
  print("Time taken " + py_str(end - start) + "s");
}

// if __name__ == "__main__":
program script() { co_await asyncio::run(main()); }

}  // namespace asyncrace::tutorials::send_message_tasks

namespace asyncrace::tutorials {
extern const tutorial_info send_message_tasks_info{
    .slug = "send_message_tasks",
    .seed = "003",
    .topic = "tasks",
    .title = "create_task both messages, then await them: two seconds",
    .explanation =
        "create_task schedules each coroutine as a Task of its own, but runs nothing yet: both start "
        "only when main first awaits, so both sleeps begin at t = 0 and end together at t = 2. "
        "Awaiting John's task first does not make Anna's wait for it; by the time main awaits "
        "Anna's task it is already done. Three lanes in the diagram, 2.0 s in all. (The post's "
        "snippet lacks the imports and send_message of its first one; we added them.)",
    .script = &send_message_tasks::script,
};
}  // namespace asyncrace::tutorials
