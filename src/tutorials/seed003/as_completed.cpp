// Seed 003: asyncio.as_completed — each message's result as soon as it is done.
#include "program/py_time.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::as_completed {

task<std::string> send_message(std::string to) {
  print("Sending message to " + to);
  co_await asyncio::sleep(2);
  print("Message sent to " + to);
  co_return "Complete message to " + to;
}

task<> main() {
  [[maybe_unused]] const double start = time::time();
  std::vector<task<std::string>> coroutines;
  coroutines.push_back(send_message("John Does"));
  coroutines.push_back(send_message("Anna Herb"));
  coroutines.push_back(send_message("Chris Jakson"));

  // Returns an iterable coroutine that can be used with the await keyword
  // This means we can consume the result as it first completes inside a for loop and operate on the result

  for (auto& cor : asyncio::as_completed(std::move(coroutines))) print(co_await std::move(cor));
}

program script() { co_await asyncio::run(main()); }

}  // namespace asyncrace::tutorials::as_completed

namespace asyncrace::tutorials {
extern const tutorial_info as_completed_info{
    .slug = "as_completed",
    .seed = "003",
    .topic = "as_completed",
    .title = "as_completed: results in the order the messages finish",
    .explanation =
        "as_completed wraps the three coroutines in Tasks at once and gives back awaitables, one per "
        "result: the first awaited gives whichever task finishes first, not John's. Here all three "
        "sleep exactly 2 s, so they finish in the same loop iteration, in the order they started, "
        "and the results come out in that order; give them different sleeps and the order follows "
        "the sleeps.\n\n"
        "The seed's comment calls as_completed's return value \"an iterable coroutine\": it is an "
        "iterator of awaitables (coroutines in 3.11), each awaited in turn. The seed's snippet "
        "lacked the imports and the asyncio.run of its other snippets; we added them.",
    .script = &as_completed::script,
};
}  // namespace asyncrace::tutorials
