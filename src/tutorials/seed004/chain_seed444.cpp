// Seed 004 (Real Python's asyncio walk-through): chained coroutines, part2 waits for part1's result.
#include "program/py_process.hpp"
#include "program/py_time.hpp"
#include "pyrt/py_fixed.hpp"
#include "pyrt/py_tuple.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::chain_seed444 {

task<std::string> part1(int n) {
  const int i = random::randint(0, 10);
  print("part1(" + py_str(n) + ") sleeping for " + py_str(i) + " seconds.");
  co_await asyncio::sleep(i);
  std::string result = "result" + py_str(n) + "-1";
  print("Returning part1(" + py_str(n) + ") == " + result + ".");
  co_return result;
}

task<std::string> part2(int n, std::string arg) {
  const int i = random::randint(0, 10);
  print("part2" + py_tuple_repr(n, arg) + " sleeping for " + py_str(i) + " seconds.");
  co_await asyncio::sleep(i);
  std::string result = "result" + py_str(n) + "-2 derived from " + arg;
  print("Returning part2" + py_tuple_repr(n, arg) + " == " + result + ".");
  co_return result;
}

task<> chain(int n) {
  const double start = time::perf_counter();
  std::string p1 = co_await part1(n);
  std::string p2 = co_await part2(n, p1);
  const double end = time::perf_counter() - start;
  print("-->Chained result" + py_str(n) + " => " + p2 + " (took " + py_fixed(end, 2) + " seconds).");
}

task<> main(std::vector<int> args) {
  std::vector<task<>> chains;  // (chain(n) for n in args)
  for (int n : args) chains.push_back(chain(n));
  co_await asyncio::gather(std::move(chains));
}

program script() {
  random::seed(444);
  const std::vector<int> args = {1, 2, 3};
  const double start = time::perf_counter();
  // asyncio.run(main(*args))
  co_await asyncio::run(main(args));  // await main(*args)
  const double end = time::perf_counter() - start;
  print("Program finished in " + py_fixed(end, 2) + " seconds.");
}

}  // namespace asyncrace::tutorials::chain_seed444

namespace asyncrace::tutorials {
extern const tutorial_info chain_seed444_info{
    .slug = "chain_seed444",
    .seed = "004",
    .topic = "random",
    .title = "Chained coroutines: three chains of part1 then part2, run concurrently",
    .explanation =
        "Within a chain, `await part1(n)` must finish before part2(n, p1) can start: it needs "
        "part1's result. Across chains nothing waits, since gather runs the three chains as tasks. "
        "So chain 3, whose part1 drew 0 seconds, is done first (4 s), although it started last; "
        "chain 1 ends at 11 s, the longest part1 plus part2, and so does the program: 11.00 "
        "seconds, not the 23 s of all the sleeps one after another.\n\n"
        "The draws come from one shared generator, in the order the tasks reach randint, and "
        "random.seed(444) makes the run repeat exactly. part2{n, arg} is an f-string of a tuple, "
        "so it prints part2(3, 'result3-1') with the quotes. The seed's `import sys` is unused; "
        "its notebook awaited main(*args) directly, run here as asyncio.run.",
    .ties = tie_policy::fifo,
    .script = &chain_seed444::script,
};
}  // namespace asyncrace::tutorials
