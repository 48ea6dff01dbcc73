// Seed 003, third snippet: the same two messages in an `async with asyncio.TaskGroup()` block.
#include "program/py_time.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::taskgroup {

task<std::string> send_message(std::string to) {
  print("Sending message to " + to);
  co_await asyncio::sleep(2);
  print("Message sent to " + to);
  co_return "Completed message to " + to;
}

task<> main() {
  const double start = time::time();
  co_await asyncio::with_task_group([](asyncio::TaskGroup& tg) -> task<> {
    [[maybe_unused]] auto send_john_task = tg.create_task(send_message("John Doe"));
    [[maybe_unused]] auto send_anna_task = tg.create_task(send_message("Anna Herb"));
    co_return;
  });
  const double end = time::time();
  print("Time taken " + py_str(end - start) + "s");
}

// if __name__ == "__main__":
program script() { co_await asyncio::run(main()); }

}  // namespace asyncrace::tutorials::taskgroup

namespace asyncrace::tutorials {
extern const tutorial_info taskgroup_info{
    .slug = "taskgroup",
    .seed = "003",
    .topic = "TaskGroup",
    .title = "asyncio.TaskGroup: the block ends when both messages are sent",
    .explanation =
        "tg.create_task starts each message as a Task, exactly like asyncio.create_task, and the end "
        "of the `async with` block waits for every task the group made: no await per task is "
        "needed. Both sleeps run together, so \"Time taken 2.0s\", as with send_message_tasks. "
        "Unlike bare tasks, a group would cancel the other message if one failed, and raise the "
        "failure as an ExceptionGroup (Python 3.11+). (The post's snippet lacks the imports, "
        "send_message and entry point of its other snippets; we added them.)",
    .script = &taskgroup::script,
};
}  // namespace asyncrace::tutorials
