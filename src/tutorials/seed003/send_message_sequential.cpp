// Seed 003, "How not to use async": two awaits in a row — four seconds, as if it were synchronous.
#include "program/py_time.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::send_message_sequential {

task<std::string> send_message(std::string to) {
  print("Sending message to " + to);
  co_await asyncio::sleep(2);
  print("Message sent to " + to);
  co_return "Completed message to " + to;
}

task<> main() {
  // This is now behaving synchronously!
  // Total of 4 seconds
  const double start = time::time();
  [[maybe_unused]] std::string sent_john = co_await send_message("John Doe");
  [[maybe_unused]] std::string sent_anna = co_await send_message("Anna Herb");
  const double end = time::time();
  print("Time taken " + py_str(end - start) + "s");
}

// if __name__ == "__main__":
program script() { co_await asyncio::run(main()); }  // Approx 4 seconds

}  // namespace asyncrace::tutorials::send_message_sequential

namespace asyncrace::tutorials {
extern const tutorial_info send_message_sequential_info{
    .slug = "send_message_sequential",
    .seed = "003",
    .topic = "sequential vs concurrent",
    .title = "Awaiting two coroutines in a row: one task, four seconds",
    .explanation =
        "Awaiting a coroutine runs it inside the awaiting task, to the end, before the next line: "
        "Anna's message is not even started until John's has been sent. The diagram shows one lane "
        "and the clock reads 4.0 s at the end: async def alone makes nothing concurrent. "
        "send_message_tasks and taskgroup send both messages in two seconds.\n\n"
        "The seed says \"approx 4 seconds\"; on the virtual clock it is exactly 4.0, and the two "
        "returned strings are never used.",
    .script = &send_message_sequential::script,
};
}  // namespace asyncrace::tutorials
