// Seed 004: count() three times with gather — One One One, a second, Two Two Two.
#include "program/py_time.hpp"
#include "pyrt/py_fixed.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::count_one_two {

task<> count() {
  print("One");
  co_await asyncio::sleep(1);
  print("Two");
}

task<> main() { co_await asyncio::gather(count(), count(), count()); }

program script() {
  const double s = time::perf_counter();
  // asyncio.run(main()) - script version
  co_await asyncio::run(main());  // await main(): Jupyter version
  const double elapsed = time::perf_counter() - s;
  print(" executed in " + py_fixed(elapsed, 2) + " seconds.");
}

}  // namespace asyncrace::tutorials::count_one_two

namespace asyncrace::tutorials {
extern const tutorial_info count_one_two_info{
    .slug = "count_one_two",
    .seed = "004",
    .topic = "gather",
    .title = "Three counts at once: One One One, then Two Two Two, in one second",
    .explanation =
        "gather starts the three count() tasks in one loop iteration; each prints One and then "
        "suspends at its sleep, which lets the next one run. So the Ones come first, then all "
        "three wake at t = 1 and print Two: 1.00 seconds in all, not three. The order of the Twos "
        "is the order of the timers, which fire in the order they were set.\n\n"
        "The seed's notebook awaits main() at the top level of a cell; as a script that line is "
        "asyncio.run(main()), which is what runs here.",
    .ties = tie_policy::fifo,
    .script = &count_one_two::script,
};
}  // namespace asyncrace::tutorials
