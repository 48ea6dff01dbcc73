// Seed 004 (Real Python's asyncio walk-through): three makerandom tasks retry at their own pace.
#include <array>

#include "program/py_process.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::makerandom_seed444 {

// ANSI colors
const std::array<std::string, 4> c = {
    "\033[0m",   // End of color
    "\033[36m",  // Cyan
    "\033[91m",  // Red
    "\033[35m",  // Magenta
};

task<int> makerandom(int idx, int threshold = 6) {
  print(c[idx + 1] + "Initiated makerandom(" + py_str(idx) + ").");
  int i = random::randint(0, 10);
  while (i <= threshold) {
    print(c[idx + 1] + "makerandom(" + py_str(idx) + ") == " + py_str(i) + " too low; retrying.");
    co_await asyncio::sleep(idx + 1);
    i = random::randint(0, 10);
  }
  print(c[idx + 1] + "---> Finished: makerandom(" + py_str(idx) + ") == " + py_str(i) + c[0]);
  co_return i;
}

task<std::vector<int>> main() {
  std::vector<task<int>> coros;  // (makerandom(i, 10 - i - 1) for i in range(3))
  for (int i = 0; i < 3; ++i) coros.push_back(makerandom(i, 10 - i - 1));
  std::vector<int> res = co_await asyncio::gather(std::move(coros));
  co_return res;
}

program script() {
  random::seed(444);
  // r1, r2, r3 = asyncio.run(main())
  const std::vector<int> r = co_await asyncio::run(main());  // r1, r2, r3 = await main()
  const int r1 = r[0], r2 = r[1], r3 = r[2];
  print();
  print("r1: " + py_str(r1) + ", r2: " + py_str(r2) + ", r3: " + py_str(r3));
}

}  // namespace asyncrace::tutorials::makerandom_seed444

namespace asyncrace::tutorials {
extern const tutorial_info makerandom_seed444_info{
    .slug = "makerandom_seed444",
    .seed = "004",
    .topic = "random",
    .title = "makerandom: three tasks draw until a number beats their threshold",
    .explanation =
        "Each makerandom(idx) draws random integers until one is above its threshold (9, 8 and 7), "
        "sleeping idx + 1 seconds between tries; the colour tells the tasks apart. All three draw "
        "from the one `random` generator, so the numbers each task gets depend on the order in "
        "which the loop runs them: the interleaving decides the draws, and random.seed(444) makes "
        "the whole run repeat exactly, as CPython prints it.\n\n"
        "makerandom(0) needs the most tries but sleeps the least (one second each), makerandom(1) "
        "finishes first at t = 4, makerandom(2) at t = 9 and makerandom(0) at t = 12; gather still "
        "returns the results in argument order. The seed's notebook cell awaited main() directly; "
        "as a script that line is asyncio.run(main()).",
    .ties = tie_policy::fifo,
    .script = &makerandom_seed444::script,
};
}  // namespace asyncrace::tutorials
