// Seed 000, In [45]: three gathers of three workers — nine tasks, nine equal one-second sleeps.
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::nine_tasks_race {

task<> do_some_work(int num) {
  print("Starting work", num);
  co_await asyncio::sleep(1);
  print("Work complete", num);
}

task<> do_a_lot_of_work_in_parallel(int num) {
  co_await asyncio::gather(do_some_work(num), do_some_work(num + 1), do_some_work(num + 2));
}

task<> do_a_lot_alot_of_work_in_parallel(int num) {
  co_await asyncio::gather(do_a_lot_of_work_in_parallel(num),
                           do_a_lot_of_work_in_parallel(num + 10),
                           do_a_lot_of_work_in_parallel(num + 20));
}

// The notebook cell `await do_a_lot_alot_of_work_in_parallel(10)` runs as asyncio.run(...).
program script() { co_await asyncio::run(do_a_lot_alot_of_work_in_parallel(10)); }

}  // namespace asyncrace::tutorials::nine_tasks_race

namespace asyncrace::tutorials {
extern const tutorial_info nine_tasks_race_info{
    .slug = "nine_tasks_race",
    .seed = "000",
    .topic = "gather",
    .title = "Nested gather: nine tasks race to finish their equal sleeps",
    .explanation =
        "Three gathers of three workers: nine tasks start at t = 0 and all sleep exactly one second, "
        "so all nine timers share one deadline. Which finishes first is decided by how the event loop "
        "orders equal deadlines, not by chance.\n\n"
        "The seed explains its famous order 10, 12, 30, 32, 22, 31, 21, 11, 20 by timer jitter; it is "
        "not jitter: it is CPython's timer heap. asyncio keeps timers in a heapq ordered by deadline only, "
        "and heapq is not stable, so nine equal deadlines pop in the order the heap's shape dictates. "
        "See it: press Event loop (the race diagram's header, or L), Space to pause, and step with the "
        "right arrow: the heap's root pops, the last timer moves up, and the nine workers come out as "
        "10, 12, 30, 32, 22, 31, 21, 11, 20. The seed was recorded on "
        "Windows, whose clock ticked every 15.6 ms, so every deadline was exactly equal. Switch the tie "
        "policy: 'cpython-heap' reproduces the seed, 'fifo' is what Linux and macOS print (their clocks "
        "advance between two sleeps), 'jitter' models timer noise with a seeded random offset.\n\n"
        "We dropped the seed's unused `from cgitb import text`: on Python 3.11 it only adds a "
        "DeprecationWarning.",
    .script = &nine_tasks_race::script,
};
}  // namespace asyncrace::tutorials
