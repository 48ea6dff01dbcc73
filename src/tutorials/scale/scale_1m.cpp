// Scale: 1,000,000 sleeping tasks with staggered deadlines, to see the race diagram at size.
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::scale_1m {

constexpr long long n = 1'000'000;
long long woke = 0;

task<> sleeper(long long i) {
  co_await asyncio::sleep(static_cast<double>(i * 7919 % n) / static_cast<double>(n) * 10.0);
  ++woke;
}

task<> main() {
  print(n, "sleepers, deadlines spread over ten seconds");
  std::vector<task<>> sleepers;  // (sleeper(i) for i in range(N))
  sleepers.reserve(static_cast<std::size_t>(n));
  for (long long i = 0; i < n; ++i) sleepers.push_back(sleeper(i));
  co_await asyncio::gather(std::move(sleepers));
  print("all", woke, "woke");
}

program script() {
  woke = 0;  // the module runs afresh each time, as `python3 scale_1m.py` does
  co_await asyncio::run(main());
}

}  // namespace asyncrace::tutorials::scale_1m

namespace asyncrace::tutorials {
extern const tutorial_info scale_1m_info{
    .slug = "scale_1m",
    .seed = "scale",
    .topic = "stress: many tasks",
    .title = "1,000,000 tasks asleep until staggered deadlines",
    .explanation =
        "Not from a seed: a stress run for the race diagram. 1,000,000 Tasks start at t = 0 and each "
        "sleeps until its own deadline, spread over ten seconds in scrambled order. Only the rows in "
        "view are drawn; dense stretches fold into blocks (hover one to see how many marks it holds); "
        "the overview strip above the lanes shows where the activity is and jumps there when clicked; "
        "Find looks a task up by name (Task-N) or coroutine.",
    .script = &scale_1m::script,
};
}  // namespace asyncrace::tutorials
