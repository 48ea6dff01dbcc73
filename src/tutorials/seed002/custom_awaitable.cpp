// Seed 002: a class made awaitable by its __await__, which delegates to asyncio.sleep.
#include <string>

#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::custom_awaitable {

class CustomAwaitable {
 public:
  // Python's __await__: C++ calls it `operator co_await`.
  awaiter<std::string> operator co_await() {
    co_await asyncio::sleep(2);  // Delegate to asyncio
    co_return "Custom Awaitable Done";
  }
};

task<> main() {
  std::string result = co_await CustomAwaitable();
  print(result);
}

program script() { co_await asyncio::run(main()); }

}  // namespace asyncrace::tutorials::custom_awaitable

namespace asyncrace::tutorials {
extern const tutorial_info custom_awaitable_info{
    .slug = "custom_awaitable",
    .seed = "002",
    .topic = "custom awaitables",
    .title = "A class with __await__: awaitable like a coroutine, without being one",
    .explanation =
        "`await obj` asks obj for an iterator through __await__ and runs it inside the awaiting "
        "task: `yield from asyncio.sleep(2).__await__()` suspends main itself for two seconds, "
        "and __await__'s return value becomes the value of the await. No task is created: the "
        "diagram has one lane. C++ spells the same hook `operator co_await`. The seed's cell "
        "relied on an earlier cell's `import asyncio`; we added it.",
    .script = &custom_awaitable::script,
};
}  // namespace asyncrace::tutorials
