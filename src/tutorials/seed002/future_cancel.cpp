// Seed 002: a pending Future is cancelled before anyone awaits it.
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::future_cancel {

task<> example_cancellation() {
  asyncio::Future<> future;

  future.cancel();  // Cancelling the future
  print("Cancelled:", future.cancelled());  // True
  co_return;
}

program script() {
  co_await asyncio::run(example_cancellation());
  // await example_cancellation() // Directly await the coroutine instead of calling asyncio.run
}

}  // namespace asyncrace::tutorials::future_cancel

namespace asyncrace::tutorials {
extern const tutorial_info future_cancel_info{
    .slug = "future_cancel",
    .seed = "002",
    .topic = "futures",
    .title = "Future.cancel(): a pending future becomes cancelled at once",
    .explanation =
        "cancel() on a pending Future marks it cancelled immediately and returns True; nothing "
        "waits and no time passes, so the run ends at t = 0. Had a task been awaiting the future, "
        "it would get CancelledError at that await in its next step; calling result() on it "
        "now would raise CancelledError too.",
    .script = &future_cancel::script,
};
}  // namespace asyncrace::tutorials
